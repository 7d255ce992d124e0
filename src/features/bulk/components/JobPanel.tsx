/** A bulk job as it goes: its state, progress, counts and time left, its buttons and its rows. */

import { t } from '../../../shared/i18n';
import { DEVICE_SCOPE_LABEL } from '../../../shared/scope';
import { ago } from '../../../shared/time';
import { type BulkJobSummary, finished } from '../model';
import { ResultsTable } from './ResultsTable';
import type { ShownJob } from './use-job';
import {
  amount,
  BULK_ENGINE_NOTE,
  ENGINE_LABEL,
  JOB_STATE_LABEL,
  JOB_TITLE,
  targets,
  timeLeft,
} from './words';

/** What the job is doing, in a sentence. */
function stateSentence(job: BulkJobSummary): string {
  switch (job.state) {
    case 'waiting':
      return job.placeInLine === 1
        ? t('bulk_waitingNext', job.org)
        : job.placeInLine
          ? t('bulk_waitingPlace', amount(job.placeInLine), job.org)
          : t('bulk_waitingInLine', job.org);
    case 'running':
      return t('bulk_runningSentence');
    case 'done':
      return job.endedAt ? t('bulk_finishedAgo', ago(job.endedAt)) : t('bulk_finishedSentence');
    case 'cancelled':
      return t('bulk_cancelledSentence');
    case 'stopped':
      return t('bulk_stoppedSentence');
  }
}

export function JobPanel(props: {
  job: ShownJob;
  busy: boolean;
  onCancel: () => void;
  onResume: () => void;
  onExport: () => void;
  /** The job's own table of rows; a page that shows outcomes in its own table leaves it out. */
  rows?: boolean;
}) {
  const { job } = props;
  const title = JOB_TITLE[job.engine];
  const units = (n: number) => targets(job.engine, n);
  const { total, done, failed, left } = job.counts;
  const over = finished(job.counts);
  const going = job.state === 'waiting' || job.state === 'running';
  return (
    <section class="job" aria-labelledby="job-heading">
      <h2 id="job-heading">
        {t('bulk_jobHeading', title, job.org)}
        <span class="badge">{JOB_STATE_LABEL[job.state]}</span>
      </h2>
      <p>{stateSentence(job)}</p>
      {job.state === 'stopped' && job.stopMessage && <p class="warning">{job.stopMessage}</p>}
      <p class="hint">
        {t(
          'bulk_jobStarted',
          ago(job.createdAt),
          job.engine === 'invalidate' ? t('bulk_eachSession') : DEVICE_SCOPE_LABEL[job.scope],
          ENGINE_LABEL[job.engine],
        )}
        {job.reason ? ` ${t('bulk_reason', job.reason)}` : ''}
      </p>
      {job.engine === 'bulk' && <p class="hint">{BULK_ENGINE_NOTE}</p>}
      <div
        class="progress"
        role="progressbar"
        aria-label={t('bulk_progressLabel', title)}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={over}
        aria-valuetext={t('bulk_progressText', amount(over), units(total))}
      >
        <div class="progress-bar" style={{ width: `${total ? (over / total) * 100 : 0}%` }} />
      </div>
      <p role="status" aria-label={t('bulk_countsLabel', title)}>
        {job.state === 'running' && job.etaSeconds !== undefined
          ? t(
              'bulk_countsWithTime',
              amount(done),
              amount(failed),
              amount(left),
              units(total),
              timeLeft(job.etaSeconds),
            )
          : t('bulk_counts', amount(done), amount(failed), amount(left), units(total))}
      </p>
      <div class="actions">
        {going && (
          <button type="button" disabled={props.busy} onClick={props.onCancel}>
            {t('bulk_cancelJob')}
          </button>
        )}
        {job.state === 'stopped' && (
          <button type="button" class="primary" disabled={props.busy} onClick={props.onResume}>
            {t('bulk_resumeJob')}
          </button>
        )}
        <button type="button" onClick={props.onExport}>
          {t('bulk_exportResults')}
        </button>
      </div>
      {props.rows !== false && job.targets && <ResultsTable targets={job.targets} />}
    </section>
  );
}
