/** First run: the Slack app in one paste, then the steps from there to a saved token. */
import { useRef, useState } from 'preact/hooks';
import type { Report } from '../../../ui/feedback';
import { CREATE_APP_FROM_MANIFEST_URL, SLACK_APP_MANIFEST_JSON } from '../app-manifest';

export function AppSetup({ report }: { report: Report }) {
  const [shown, setShown] = useState(false);
  const manifest = useRef<HTMLTextAreaElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(SLACK_APP_MANIFEST_JSON);
      // Focus stays on the button: the status region says what happened.
      report({
        status:
          'App manifest copied. Paste it in Slack’s Create an app → From a manifest, then follow the steps below.',
      });
    } catch {
      // Without the clipboard the manifest is shown and selected, ready for Ctrl+C.
      setShown(true);
      requestAnimationFrame(() => {
        manifest.current?.focus();
        manifest.current?.select();
      });
      report({
        alert:
          'The browser did not let the page copy. The manifest is shown and selected below: copy it with Ctrl+C (⌘C on a Mac).',
      });
    }
  };

  return (
    <section class="card app-setup" aria-labelledby="app-setup-heading">
      <h3 id="app-setup-heading">No Slack app yet? Create it in one paste</h3>
      <ol class="steps">
        <li>
          Copy the app manifest, open{' '}
          <a href={CREATE_APP_FROM_MANIFEST_URL} target="_blank" rel="noopener noreferrer">
            Create an app → From a manifest
          </a>{' '}
          on Slack’s site, pick your Enterprise organization and paste it.
          <div class="actions">
            <button type="button" class="primary" onClick={() => void copy()}>
              Copy app manifest
            </button>
          </div>
        </li>
        <li>
          Install the app on the whole organization (not one workspace), signed in as an Org Owner
          or Org Admin.
        </li>
        <li>
          Copy the User OAuth Token (xoxp-…) from the app’s OAuth &amp; Permissions or Install App
          page.
        </li>
        <li>Paste it in Admin token below and press Save token.</li>
      </ol>
      <details open={shown} onToggle={(e) => setShown(e.currentTarget.open)}>
        <summary>Show the app manifest</summary>
        <label for="app-manifest">Slack app manifest</label>
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
