/** The popup's form: who, on which devices, and whether to reset them or list their sessions. */

import { t } from '../../../shared/i18n';
import { UserField } from '../../members/components/UserField';
import type { ResetFlow } from './reset-flow';
import { ScopeChoice } from './ScopeChoice';

export function ResetForm({ flow }: { flow: ResetFlow }) {
  const { busy } = flow;
  return (
    <form onSubmit={flow.start} aria-busy={busy}>
      <UserField field={flow.field} onEdit={flow.edited} />
      <ScopeChoice value={flow.scope} hideLegend onChange={flow.chooseScope} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || flow.confirming !== undefined}>
          {t('popup_resetSessions')}
        </button>
        <button type="button" onClick={flow.showSessions} disabled={busy}>
          {t('popup_showSessions')}
        </button>
      </div>
    </form>
  );
}
