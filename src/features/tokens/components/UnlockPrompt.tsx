/** Asks for the passphrase of a locked token, wherever a locked token is needed. */
import { useState } from 'preact/hooks';
import { ask } from '../../../protocol/pages';
import { t } from '../../../shared/i18n';

export function UnlockPrompt(props: { tokenId: string; message: string; onUnlocked: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const reply = await ask('ui/tokens/unlock', { tokenId: props.tokenId, passphrase });
    setBusy(false);
    setPassphrase('');
    if (reply.ok) props.onUnlocked();
    else setProblem(reply.error.message);
  };
  return (
    <form class="card" onSubmit={submit}>
      <p>{props.message}</p>
      <label for="unlock-passphrase">{t('unlock_passphrase')}</label>
      <input
        id="unlock-passphrase"
        type="password"
        autocomplete="current-password"
        value={passphrase}
        onInput={(e) => setPassphrase(e.currentTarget.value)}
        // biome-ignore lint/a11y/noAutofocus: the prompt exists only to take this input
        autoFocus
      />
      {problem && (
        <div role="alert" class="message error">
          {problem}
        </div>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || passphrase === ''}>
          {t('unlock_button')}
        </button>
      </div>
    </form>
  );
}
