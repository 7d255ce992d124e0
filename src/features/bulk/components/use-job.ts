/** The job the bulk page follows: the active org's newest, kept fresh as the background reports. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Reply, ReplyError } from '../../../core/messaging/reply';
import { ask, onNoticeToPages } from '../../../protocol/pages';
import { t } from '../../../shared/i18n';
import { downloadText } from '../../../ui/download';
import type { Regions } from '../../../ui/regions';
import type { BulkJobSummary, BulkTargetView, JobSource } from '../model';

/** At most one refresh of each kind this often while notices keep coming. */
const REFRESH_MS = 500;

/** The saved org the page acts in. */
export interface JobOrg {
  tokenId: string;
  /** The org's enterprise (or workspace) ID, as jobs carry it. */
  orgId: string;
}

/** A job as shown: its members' rows once the full job has been fetched. */
export type ShownJob = BulkJobSummary & { targets?: BulkTargetView[] };

/** Runs `work` at once, then at most once every `ms` however often it is asked again. */
function throttle(work: () => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let again = false;
  const run = () => {
    work();
    timer = setTimeout(() => {
      timer = undefined;
      if (again) {
        again = false;
        run();
      }
    }, ms);
  };
  return {
    poke: () => {
      if (timer) again = true;
      else run();
    },
    stop: () => clearTimeout(timer),
  };
}

const belongsTo = (job: BulkJobSummary, org: JobOrg) =>
  job.orgId === org.orgId || job.tokenId === org.tokenId;

/** `only`: follow the jobs started from one place (the Sessions page follows its own). */
export function useJob(
  org: JobOrg | undefined,
  on: { regions: Regions; onError: (error: ReplyError) => void },
  only?: JobSource,
) {
  const [job, setJob] = useState<ShownJob | undefined>();
  const [busy, setBusy] = useState(false);
  // What the stable functions below read: the latest props, and which job's replies still count.
  const live = useRef({ org, on, shownId: undefined as string | undefined, asked: 0, applied: 0 });
  live.current.org = org;
  live.current.on = on;

  const [follow] = useState(() => {
    const fetchShown = async () => {
      const state = live.current;
      const jobId = state.shownId;
      if (!jobId) return;
      const asked = ++state.asked;
      const reply = await ask('ui/bulk/job', { jobId });
      // A reply for a job no longer shown, or older than one already shown, is dropped.
      if (jobId !== state.shownId || asked < state.applied) return;
      state.applied = asked;
      if (reply.ok) setJob(reply.value);
      else state.on.onError(reply.error);
    };
    const show = (summary: BulkJobSummary) => {
      live.current.shownId = summary.id;
      setJob((shown) => ({
        ...summary,
        targets: shown?.id === summary.id ? shown.targets : undefined,
      }));
      void fetchShown();
    };
    const loadNewest = async () => {
      const reply = await ask('ui/bulk/jobs', {});
      const state = live.current;
      if (!reply.ok) return state.on.onError(reply.error);
      const { org } = state;
      // Jobs come newest first.
      const newest =
        org && reply.value.jobs.find((j) => belongsTo(j, org) && (!only || j.source === only));
      if (newest) return show(newest);
      state.shownId = undefined;
      setJob(undefined);
    };
    return {
      show,
      loadNewest,
      shown: throttle(() => void fetchShown(), REFRESH_MS),
      list: throttle(() => void loadNewest(), REFRESH_MS),
    };
  });

  const orgKey = org && `${org.orgId} ${org.tokenId}`;
  useEffect(() => {
    if (orgKey) void follow.loadNewest();
  }, [orgKey]);
  useEffect(() => {
    const stop = onNoticeToPages('bg-to-pages/bulk/changed', ({ jobId }) => {
      // Another job may be this org's newest now (started from another tab, say).
      if (jobId === live.current.shownId) follow.shown.poke();
      else follow.list.poke();
    });
    return () => {
      stop();
      follow.shown.stop();
      follow.list.stop();
    };
  }, []);

  /** Sends one of the job's requests; its summary replaces the one shown, and `said` is said. */
  const act = async (send: () => Promise<Reply<BulkJobSummary>>, said: string) => {
    setBusy(true);
    on.regions.clear();
    const reply = await send();
    setBusy(false);
    if (!reply.ok) return on.onError(reply.error);
    follow.show(reply.value);
    on.regions.status(said);
  };

  return {
    job,
    busy,
    /** A job just started from this page. */
    show: follow.show,
    cancel: (jobId: string) => act(() => ask('ui/bulk/cancel', { jobId }), t('bulk_jobCancelled')),
    resume: (jobId: string, tokenId: string) =>
      act(() => ask('ui/bulk/resume', { jobId, tokenId }), t('bulk_jobResumed')),
    exportCsv: async (jobId: string) => {
      on.regions.clear();
      const reply = await ask('ui/bulk/export-csv', { jobId });
      if (!reply.ok) return on.onError(reply.error);
      downloadText(reply.value.csv, reply.value.filename);
      on.regions.status(t('bulk_exported', reply.value.filename));
    },
  };
}
