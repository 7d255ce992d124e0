/** First run: the Slack app in one paste, then the steps from there to a saved token. */
import { useRef, useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import type { Report } from '../../../ui/feedback';
import { Rich } from '../../../ui/rich';
import { CREATE_APP_FROM_MANIFEST_URL, SLACK_APP_MANIFEST_JSON } from '../app-manifest';

export function AppSetup({ report }: { report: Report }) {
  const [shown, setShown] = useState(false);
  const manifest = useRef<HTMLTextAreaElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(SLACK_APP_MANIFEST_JSON);
      // Focus stays on the button: the status region says what happened.
      report({ status: t('tokens_manifestCopied') });
    } catch {
      // Without the clipboard the manifest is shown and selected, ready for Ctrl+C.
      setShown(true);
      requestAnimationFrame(() => {
        manifest.current?.focus();
        manifest.current?.select();
      });
      report({ alert: t('tokens_copyRefused') });
    }
  };

  return (
    <section class="card app-setup" aria-labelledby="app-setup-heading">
      <h3 id="app-setup-heading">{t('tokens_setupHeading')}</h3>
      <ol class="steps">
        <li>
          <Rich
            id="tokens_setupCopy"
            values={[
              <a
                key="create-app"
                href={CREATE_APP_FROM_MANIFEST_URL}
                target="_blank"
                rel="noopener noreferrer"
              >
                {t('tokens_setupLink')}
              </a>,
            ]}
          />
          <div class="actions">
            <button type="button" class="primary" onClick={() => void copy()}>
              {t('tokens_copyManifest')}
            </button>
          </div>
        </li>
        <li>{t('tokens_setupInstall')}</li>
        <li>{t('tokens_setupToken')}</li>
        <li>{t('tokens_setupPaste')}</li>
      </ol>
      <details open={shown} onToggle={(e) => setShown(e.currentTarget.open)}>
        <summary>{t('tokens_showManifest')}</summary>
        <label for="app-manifest">{t('tokens_manifestLabel')}</label>
        <textarea
          id="app-manifest"
          ref={manifest}
          class="manifest"
          readOnly
          rows={SLACK_APP_MANIFEST_JSON.split('\n').length}
          value={SLACK_APP_MANIFEST_JSON}
        />
      </details>
    </section>
  );
}
