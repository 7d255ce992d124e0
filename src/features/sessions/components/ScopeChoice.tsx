/** The three device choices, as radios named exactly as the UI contract says. */

import { t } from '../../../shared/i18n';
import {
  DEVICE_SCOPE_HINT,
  DEVICE_SCOPE_LABEL,
  DEVICE_SCOPES,
  type DeviceScope,
} from '../../../shared/scope';

export function ScopeChoice(props: {
  value: DeviceScope;
  onChange: (scope: DeviceScope) => void;
  hideLegend?: boolean;
}) {
  return (
    <fieldset aria-describedby="scope-hint">
      <legend class={props.hideLegend ? 'visually-hidden' : undefined}>{t('scope_legend')}</legend>
      <div class="choices">
        {DEVICE_SCOPES.map((scope) => (
          <label key={scope}>
            <input
              type="radio"
              name="scope"
              value={scope}
              checked={props.value === scope}
              onChange={() => props.onChange(scope)}
            />
            {DEVICE_SCOPE_LABEL[scope]}
          </label>
        ))}
      </div>
      <p id="scope-hint" class="hint">
        {DEVICE_SCOPE_HINT}
      </p>
    </fieldset>
  );
}
