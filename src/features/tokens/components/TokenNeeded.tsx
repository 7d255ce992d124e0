import { t } from '../../../shared/i18n';

/** What the popup shows until an admin token is saved: what is needed, and the way to it. */
export function TokenNeeded({ onOpenSettings }: { onOpenSettings: () => void }) {
  return (
    <main>
      <h1>{t('popup_title')}</h1>
      <p>{t('token_needed')}</p>
      <p>{t('token_neededSave')}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={onOpenSettings}>
          {t('token_openSettings')}
        </button>
      </div>
    </main>
  );
}
