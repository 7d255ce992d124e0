/** The bulk page: a list of members signed out in one job, then that job's progress and rows. */
import { useEffect, useState } from 'preact/hooks';
import browser from '../../../core/browser';
import type { ReplyError } from '../../../core/messaging/reply';
import { ask } from '../../../protocol/pages';
import { t } from '../../../shared/i18n';
import { AlertMessage, StatusMessage } from '../../../ui/Message';
import { useRegions } from '../../../ui/regions';
import { OrgPicker } from '../../tokens/components/OrgPicker';
import { TokenNeeded } from '../../tokens/components/TokenNeeded';
import { useTokenProblem } from '../../tokens/components/TokenProblem';
import type { TokenList } from '../../tokens/messages';
import { BulkForm } from './BulkForm';
import { ConfirmBulk } from './ConfirmBulk';
import { JobPanel } from './JobPanel';
import { useJob } from './use-job';
import { useStart } from './use-start';
import { members } from './words';

/** `prefill`: the hand-over ID of members a right-click sent here (`?prefill=`). */
export function BulkPage({ prefill }: { prefill?: string }) {
  const [tokens, setTokens] = useState<TokenList | undefined>();
  const { status, alert, regions } = useRegions();

  const loadTokens = async () => {
    const reply = await ask('ui/tokens/list', {});
    if (reply.ok) setTokens(reply.value);
    else regions.alert(reply.error.message);
  };
  const tokenProblem = useTokenProblem({
    onUnlocked: () => {
      regions.status(t('bulk_unlocked'));
      void loadTokens();
    },
    onNoToken: () => void loadTokens(),
  });
  const onError = (error: ReplyError) => {
    if (!tokenProblem.take(error)) regions.alert(error.message);
  };

  const active = tokens?.tokens.find((token) => token.active);
  const followed = useJob(
    active && { tokenId: active.id, orgId: active.enterpriseId ?? active.teamId },
    { regions, onError },
  );
  const flow = useStart({
    regions,
    onError,
    onStarted: (job) => {
      followed.show(job);
      regions.status(
        job.placeInLine
          ? t('bulk_startedWaiting', members(job.counts.total), job.org)
          : t('bulk_started', members(job.counts.total), job.org),
      );
    },
  });

  useEffect(() => {
    void loadTokens();
    void ask('ui/settings/get', {}).then((reply) => {
      if (reply.ok) flow.offerScope(reply.value.defaultScope);
    });
    if (prefill)
      void ask('ui/bulk/prefill', { id: prefill }).then((reply) => {
        if (!reply.ok) return regions.alert(reply.error.message);
        flow.edit(reply.value.input);
        // The devices the right-click named, not the saved default.
        if (reply.value.scope) flow.chooseScope(reply.value.scope);
      });
  }, []);

  if (tokens && tokens.tokens.length === 0)
    return <TokenNeeded onOpenSettings={() => void browser.runtime.openOptionsPage()} />;

  const { job } = followed;
  return (
    <main>
      <header class="page-head">
        <h1>{t('bulk_titleReset')}</h1>
        {tokens && (
          <OrgPicker
            tokens={tokens}
            onSwitched={(switched) => {
              if (switched) setTokens(switched);
              flow.withdraw();
            }}
          />
        )}
      </header>
      <p class="org-line">{active ? t('common_actingAs', active.user, active.team) : ''}</p>

      {tokenProblem.prompt ?? <BulkForm flow={flow} ready={!!active} onProblem={regions.alert} />}

      {flow.asking && active && (
        <ConfirmBulk
          preview={flow.asking.preview}
          org={active.team}
          scope={flow.scope}
          oneByOne={flow.oneByOne}
          reason={flow.reason}
          onConfirm={() => void flow.confirm(active.id)}
          onCancel={flow.cancel}
        />
      )}

      <StatusMessage>{status}</StatusMessage>
      <AlertMessage>{alert}</AlertMessage>

      {job && active && (
        <JobPanel
          job={job}
          busy={followed.busy}
          onCancel={() => void followed.cancel(job.id)}
          onResume={() => void followed.resume(job.id, active.id)}
          onExport={() => void followed.exportCsv(job.id)}
        />
      )}
    </main>
  );
}
