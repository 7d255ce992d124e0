/** The sentence naming the withheld hosts, and the Grant access button that asks the browser. */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { GRANT_ASKED, GRANT_DECLINED } from '../model';
import type { SiteAccess } from './use-site-access';

export function GrantAccess({
  access,
  id,
  sentence,
}: {
  access: SiteAccess;
  /** Unique on the page: the sentence is the button's description. */
  id: string;
  sentence: (missing: string[]) => string;
}) {
  const button = useRef<HTMLButtonElement>(null);
  const { missing, asking, stops } = access;
  const shown = missing !== undefined && missing.length > 0;
  // An action just stopped here: focus goes to the way on, whose description says why. Once per
  // stop, as soon as the button is there (a stop the background reported is drawn a moment later).
  const focusedFor = useRef(0);
  useEffect(() => {
    if (!shown || stops <= focusedFor.current) return;
    focusedFor.current = stops;
    button.current?.focus();
  }, [stops, shown]);
  if (!shown) return null;
  return (
    <div class="site-access">
      <p id={id} class="warning">
        {sentence(missing)}
      </p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          ref={button}
          onClick={access.grant}
          aria-describedby={id}
        >
          {t('access_grant')}
        </button>
      </div>
      {asking === 'asked' && <p class="hint">{GRANT_ASKED}</p>}
      {asking === 'declined' && <p class="warning">{GRANT_DECLINED}</p>}
    </div>
  );
}
