import { useEffect, useRef, useState } from 'preact/hooks';
import { ask } from '../../../protocol/pages';
import { t } from '../../../shared/i18n';
import type { Report } from '../../../ui/feedback';
import { focusOutcomeRegion } from '../../../ui/regions';
import { SetByOrganization } from '../../settings/components/SetByOrganization';
import { useOrgPolicy } from '../../settings/components/use-org-policy';
import { GrantAccess } from '../../site-access/components/GrantAccess';
import { useSiteAccess } from '../../site-access/components/use-site-access';
import { API_ORIGINS, noApiAccessSentence } from '../../site-access/model';
import type { TokenList } from '../messages';
import {
  API_ENVIRONMENT_LABEL,
  type ApiEnvironment,
  ENVIRONMENT_NAME,
  STORAGE_MODE_LABEL,
  type StorageMode,
  type TokenSummary,
} from '../model';
import { AppSetup } from './AppSetup';

export function TokenSection({
  report,
  onList,
}: {
  report: Report;
  /** The saved tokens, each time they are listed (the page's other parts follow them). */
  onList?: (list: TokenList) => void;
}) {
  // Undefined until listed: the first-run help waits for the answer instead of flashing.
  const [list, setList] = useState<TokenList | undefined>();
  const [token, setToken] = useState('');
  const [mode, setMode] = useState<StorageMode>('device');
  const [passphrase, setPassphrase] = useState('');
  const [environment, setEnvironment] = useState<ApiEnvironment>('commercial');
  const [busy, setBusy] = useState(false);
  const forcedEnvironment = useOrgPolicy().apiEnvironment;
  const chosenEnvironment = forcedEnvironment ?? environment;
  // The token is checked with the chosen Slack's API: that host must not be withheld.
  const apiAccess = useSiteAccess([API_ORIGINS[chosenEnvironment]], {
    onGranted: () => void saveToken(),
  });

  const show = (listed: TokenList) => {
    setList(listed);
    onList?.(listed);
  };
  const refresh = async () => {
    const reply = await ask('ui/tokens/list', {});
    if (reply.ok) show(reply.value);
    else report({ alert: reply.error.message });
  };
  useEffect(() => {
    void refresh();
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    await saveToken();
  };

  /** Also run once access is granted after it stopped a save: the save goes on. */
  const saveToken = async () => {
    if (token.trim() === '') return;
    report({});
    if (!(await apiAccess.ensure())) return;
    setBusy(true);
    const reply = await ask('ui/tokens/save', {
      token,
      mode,
      environment: chosenEnvironment,
      ...(mode === 'passphrase' ? { passphrase } : {}),
    });
    setBusy(false);
    // Access went away between the check and the call: the same way on as before.
    if (!reply.ok && apiAccess.take(reply.error)) return;
    // Save token is disabled while the field is empty: focus goes to what happened.
    focusOutcomeRegion();
    if (!reply.ok) {
      report({ alert: reply.error.message });
      return;
    }
    // The secret leaves the page as soon as the background has it.
    setToken('');
    setPassphrase('');
    const saved = reply.value.token;
    report({
      status: t('tokens_saved', saved.team, saved.user),
      warnings: reply.value.warnings,
    });
    await refresh();
  };

  const act = async (run: () => ReturnType<typeof ask<'ui/tokens/list'>>, done: string) => {
    report({});
    const reply = await run();
    if (reply.ok) {
      show(reply.value);
      report({ status: done });
    } else report({ alert: reply.error.message });
  };

  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t('tokens_heading')}</h2>
      {!list ? null : list.tokens.length === 0 ? (
        <>
          <p>{t('tokens_noneYet')}</p>
          <AppSetup report={report} />
        </>
      ) : (
        <div class="token-list">
          {list.tokens.map((saved) => (
            <TokenCard
              key={saved.id}
              token={saved}
              onActivate={() =>
                act(
                  () => ask('ui/tokens/activate', { tokenId: saved.id }),
                  t('tokens_activated', saved.team),
                )
              }
              onRemove={async () => {
                await act(
                  () => ask('ui/tokens/remove', { tokenId: saved.id }),
                  t('tokens_removed', saved.team, ENVIRONMENT_NAME[saved.environment], saved.user),
                );
                // Its card is gone: focus goes to where a token is pasted, never to <body>.
                document.getElementById('admin-token')?.focus();
              }}
              onLock={() =>
                act(
                  () => ask('ui/tokens/lock', { tokenId: saved.id }),
                  t('tokens_locked', saved.team),
                )
              }
              onUnlock={(secret) =>
                act(
                  () => ask('ui/tokens/unlock', { tokenId: saved.id, passphrase: secret }),
                  t('tokens_unlocked', saved.team),
                )
              }
            />
          ))}
        </div>
      )}

      <form class="token-form" onSubmit={save}>
        <h3>{t('tokens_formHeading')}</h3>
        <label for="admin-token">{t('tokens_adminToken')}</label>
        <input
          id="admin-token"
          type="password"
          autocomplete="off"
          spellcheck={false}
          value={token}
          onInput={(e) => setToken(e.currentTarget.value)}
          aria-describedby="admin-token-hint"
        />
        <p id="admin-token-hint" class="hint">
          {t('tokens_adminTokenHint')}
        </p>
        <fieldset>
          <legend>{t('tokens_keepLegend')}</legend>
          {(Object.keys(STORAGE_MODE_LABEL) as StorageMode[]).map((m) => (
            <label key={m} class="radio-line">
              <input
                type="radio"
                name="mode"
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
              />{' '}
              {STORAGE_MODE_LABEL[m]}
            </label>
          ))}
        </fieldset>
        {mode === 'passphrase' && (
          <>
            <label for="passphrase">{t('unlock_passphrase')}</label>
            <input
              id="passphrase"
              type="password"
              autocomplete="new-password"
              value={passphrase}
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
            <p class="hint">{t('tokens_passphraseHint')}</p>
          </>
        )}
        <label for="environment">{t('tokens_environment')}</label>
        <select
          id="environment"
          value={chosenEnvironment}
          disabled={forcedEnvironment !== undefined}
          aria-describedby={forcedEnvironment ? 'environment-org-set' : undefined}
          onChange={(e) => setEnvironment(e.currentTarget.value as ApiEnvironment)}
        >
          {(Object.keys(API_ENVIRONMENT_LABEL) as ApiEnvironment[]).map((env) => (
            <option key={env} value={env}>
              {API_ENVIRONMENT_LABEL[env]}
            </option>
          ))}
        </select>
        {forcedEnvironment && <SetByOrganization id="environment-org-set" />}
        <GrantAccess access={apiAccess} id="api-access-sentence" sentence={noApiAccessSentence} />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy || token.trim() === ''}>
            {t('tokens_save')}
          </button>
          {busy && <span class="hint">{t('tokens_checking')}</span>}
        </div>
      </form>
    </section>
  );
}

function TokenCard(props: {
  token: TokenSummary;
  onActivate: () => void;
  onRemove: () => void;
  onLock: () => void;
  onUnlock: (passphrase: string) => void;
}) {
  const { token: saved } = props;
  const [secret, setSecret] = useState('');
  const [removing, setRemoving] = useState(false);
  const removeButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const headingId = `token-${saved.id}`;
  const questionId = `remove-${saved.id}`;
  useEffect(() => {
    if (removing) keepButton.current?.focus();
  }, [removing]);
  const keep = () => {
    setRemoving(false);
    // Back where the question was asked from, never to <body>.
    requestAnimationFrame(() => removeButton.current?.focus());
  };
  return (
    <fieldset class="card token-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {saved.team}{' '}
        {/* Two tokens of one org differ by their Slack and their admin: both said up front. */}
        <span class="org-who">
          {t('tokens_cardWho', ENVIRONMENT_NAME[saved.environment], saved.user)}
        </span>
        {saved.active && <span class="badge">{t('tokens_badgeActive')}</span>}
        {saved.locked && <span class="badge">{t('tokens_badgeLocked')}</span>}
        {saved.forgotten && <span class="badge">{t('tokens_badgeForgotten')}</span>}
      </h3>
      <div class="meta">
        {t(
          'tokens_cardMeta',
          saved.user,
          saved.redacted,
          STORAGE_MODE_LABEL[saved.mode],
          API_ENVIRONMENT_LABEL[saved.environment],
          saved.url,
        )}
      </div>
      <div class="actions">
        {!saved.active && (
          <button type="button" onClick={props.onActivate} aria-describedby={headingId}>
            {t('tokens_makeActive')}
          </button>
        )}
        {saved.mode === 'passphrase' && !saved.locked && (
          <button type="button" onClick={props.onLock} aria-describedby={headingId}>
            {t('tokens_lock')}
          </button>
        )}
        <button
          type="button"
          class="danger"
          ref={removeButton}
          disabled={removing}
          onClick={() => setRemoving(true)}
          aria-describedby={headingId}
        >
          {t('tokens_remove')}
        </button>
      </div>
      {removing && (
        <fieldset
          class="confirm-box"
          aria-labelledby={questionId}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              keep();
            }
          }}
        >
          <p id={questionId} class="warning">
            {t(
              'tokens_removeQuestion',
              saved.team,
              ENVIRONMENT_NAME[saved.environment],
              saved.user,
              saved.redacted,
            )}
          </p>
          <div class="actions">
            <button type="button" class="danger" onClick={props.onRemove}>
              {t('tokens_confirmRemove')}
            </button>
            <button type="button" ref={keepButton} onClick={keep}>
              {t('common_cancel')}
            </button>
          </div>
        </fieldset>
      )}
      {saved.locked && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            props.onUnlock(secret);
            setSecret('');
          }}
        >
          <label for={`unlock-${saved.id}`}>{t('tokens_unlockLabel', saved.team)}</label>
          <input
            id={`unlock-${saved.id}`}
            type="password"
            autocomplete="current-password"
            value={secret}
            onInput={(e) => setSecret(e.currentTarget.value)}
          />
          <div class="actions">
            <button type="submit" class="primary" disabled={secret === ''}>
              {t('unlock_button')}
            </button>
          </div>
        </form>
      )}
    </fieldset>
  );
}
