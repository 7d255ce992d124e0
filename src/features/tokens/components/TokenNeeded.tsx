import type { ComponentChildren } from 'preact';
import { t } from '../../../shared/i18n';

/** What the popup shows until an admin token is saved: what is needed, and the way to it. */
export function TokenNeeded({
  onOpenSettings,
  children,
}: {
  onOpenSettings: () => void;
  /** Whatever else the popup always shows (the organization's support contact). */
  children?: ComponentChildren;
}) {
  return (
    <main>
      <h1>{t('extName')}</h1>
      <p>{t('token_needed')}</p>
      <p>{t('token_neededSave')}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={onOpenSettings}>
          {t('token_openSettings')}
        </button>
      </div>
      {children}
    </main>
  );
}
