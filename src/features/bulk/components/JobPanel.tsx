/** A bulk job as it goes: its state, progress, counts and time left, its buttons and its rows. */

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
    case 'waiting': {
      const place =
        job.placeInLine === 1
          ? 'next in line'
          : job.placeInLine
            ? `number ${job.placeInLine} in line`
            : 'in line';
      return `Waiting: ${place} behind another bulk job in ${job.org}. It starts by itself.`;
    }
    case 'running':
      return 'Running.';
    case 'done':
      return `Finished${job.endedAt ? ` ${ago(job.endedAt)}` : ''}.`;
    case 'cancelled':
      return 'Cancelled: nothing was sent after that. Those it had not reached show “Not sent”.';
    case 'stopped':
      return 'Stopped.';
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
        {title} in {job.org}
        <span class="badge">{JOB_STATE_LABEL[job.state]}</span>
      </h2>
      <p>{stateSentence(job)}</p>
      {job.state === 'stopped' && job.stopMessage && <p class="warning">{job.stopMessage}</p>}
      <p class="hint">
        {`Started ${ago(job.createdAt)}; ${job.engine === 'invalidate' ? 'each session on its own' : DEVICE_SCOPE_LABEL[job.scope]}; sent with ${ENGINE_LABEL[job.engine]}.`}
        {job.reason ? ` Reason: ${job.reason}` : ''}
      </p>
      {job.engine === 'bulk' && <p class="hint">{BULK_ENGINE_NOTE}</p>}
      <div
        class="progress"
        role="progressbar"
        aria-label={`${title} progress`}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={over}
        aria-valuetext={`${amount(over)} of ${units(total)} finished`}
      >
        <div class="progress-bar" style={{ width: `${total ? (over / total) * 100 : 0}%` }} />
      </div>
      <p role="status" aria-label={`${title} counts`}>
        {amount(done)} done, {amount(failed)} failed and {amount(left)} left of {units(total)}
        {job.state === 'running' && job.etaSeconds !== undefined
          ? ` (${timeLeft(job.etaSeconds)})`
          : ''}
        .
      </p>
      <div class="actions">
        {going && (
          <button type="button" disabled={props.busy} onClick={props.onCancel}>
            Cancel job
          </button>
        )}
        {job.state === 'stopped' && (
          <button type="button" class="primary" disabled={props.busy} onClick={props.onResume}>
            Resume job
          </button>
        )}
        <button type="button" onClick={props.onExport}>
          Export results
        </button>
      </div>
      {props.rows !== false && job.targets && <ResultsTable targets={job.targets} />}
    </section>
  );
}
