import { useEffect, useState } from 'preact/hooks';
import { ask } from '../../../protocol/pages';
import { t } from '../../../shared/i18n';
import { DEVICE_SCOPE_LABEL, DEVICE_SCOPES, type DeviceScope } from '../../../shared/scope';
import type { Report } from '../../../ui/feedback';
import type { Preferences } from '../model';
import { selectorLineProblems } from '../selectors';
import { SetByOrganization } from './SetByOrganization';
import { useOrgPolicy } from './use-org-policy';

export function PreferencesSection({ report }: { report: Report }) {
  const [prefs, setPrefs] = useState<Preferences | undefined>();
  const [selectors, setSelectors] = useState('');
  const [selectorProblems, setSelectorProblems] = useState<string[]>([]);
  const policy = useOrgPolicy();
  const confirmForced = policy.confirmBeforeReset === true;

  useEffect(() => {
    void ask('ui/settings/get', {}).then((reply) => {
      if (!reply.ok) return report({ alert: reply.error.message });
      setPrefs(reply.value);
      setSelectors(reply.value.extraMemberSelectors.join('\n'));
    });
  }, [report]);

  const update = async (patch: Partial<Preferences>, done: string) => {
    const reply = await ask('ui/settings/set', { preferences: patch });
    if (!reply.ok) return report({ alert: reply.error.message });
    setPrefs(reply.value);
    report({ status: done });
  };

  if (!prefs) return null;
  return (
    <section aria-labelledby="prefs-heading">
      <h2 id="prefs-heading">{t('settings_heading')}</h2>
      <label class="checkbox-line">
        <input
          type="checkbox"
          checked={confirmForced || prefs.confirmBeforeReset}
          disabled={confirmForced}
          aria-describedby={confirmForced ? 'confirm-org-set' : undefined}
          onChange={(e) =>
            update(
              { confirmBeforeReset: e.currentTarget.checked },
              e.currentTarget.checked ? t('settings_confirmOn') : t('settings_confirmOff'),
            )
          }
        />{' '}
        {t('settings_confirmLabel')}
      </label>
      {confirmForced && <SetByOrganization id="confirm-org-set" />}
      <p class="hint">{t('settings_confirmHint')}</p>
      {policy.allowedAdminHosts && (
        <>
          <p id="admin-hosts">
            {policy.allowedAdminHosts.length > 0
              ? t('settings_adminHostsOnly', policy.allowedAdminHosts.join(', '))
              : t('settings_adminHostsNone')}
          </p>
          <SetByOrganization id="admin-hosts-org-set" />
        </>
      )}
      <label for="default-scope">{t('settings_defaultScope')}</label>
      <select
        id="default-scope"
        value={prefs.defaultScope}
        onChange={(e) =>
          update(
            { defaultScope: e.currentTarget.value as DeviceScope },
            t('settings_defaultScopeSaved'),
          )
        }
      >
        {DEVICE_SCOPES.map((scope) => (
          <option key={scope} value={scope}>
            {DEVICE_SCOPE_LABEL[scope]}
          </option>
        ))}
      </select>
      <label for="extra-selectors">{t('settings_selectorsLabel')}</label>
      <textarea
        id="extra-selectors"
        value={selectors}
        onInput={(e) => {
          setSelectors(e.currentTarget.value);
          // A fix clears the message as soon as it is typed; a new mistake waits for Save.
          if (selectorProblems.length > 0)
            setSelectorProblems(selectorLineProblems(e.currentTarget.value));
        }}
        aria-describedby={
          selectorProblems.length > 0
            ? 'extra-selectors-hint extra-selectors-problems'
            : 'extra-selectors-hint'
        }
        aria-invalid={selectorProblems.length > 0}
        rows={3}
      />
      {/* Only while there is something wrong: the page's own alert region stays the only one. */}
      {selectorProblems.length > 0 && (
        <div id="extra-selectors-problems" role="alert" tabIndex={-1} class="message error">
          {selectorProblems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      )}
      <p id="extra-selectors-hint" class="hint">
        {t('settings_selectorsHint')}
      </p>
      <div class="actions">
        <button
          type="button"
          onClick={() => {
            const problems = selectorLineProblems(selectors);
            setSelectorProblems(problems);
            if (problems.length > 0) {
              // Nothing was saved: an earlier "saved" must not stay on the page.
              report({});
              requestAnimationFrame(() =>
                document.getElementById('extra-selectors-problems')?.focus(),
              );
              return;
            }
            void update(
              {
                extraMemberSelectors: selectors
                  .split('\n')
                  .map((s) => s.trim())
                  .filter(Boolean),
              },
              t('settings_selectorsSaved'),
            );
          }}
        >
          {t('settings_saveSelectors')}
        </button>
      </div>
    </section>
  );
}
