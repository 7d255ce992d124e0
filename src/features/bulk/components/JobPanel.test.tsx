// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JOB, jobView, manyTargets, TARGETS, TOKEN } from '../../../../test/support/bulk-fixtures';
import {
  type Answers,
  type FakeBackground,
  fakeBackground,
} from '../../../../test/support/fake-background';
import '../../../../test/support/in-thread-worker';
import type { BulkJobSummary } from '../model';
import { BulkPage } from './BulkPage';

let background: FakeBackground;

/** The page opened while `summary` is the active org's newest job. */
async function open(summary: BulkJobSummary, more: Answers = {}, targets = TARGETS) {
  background = fakeBackground({
    'ui/tokens/list': () => ({ tokens: [TOKEN], activeId: 't1' }),
    'ui/settings/get': () => ({
      confirmBeforeReset: true,
      defaultScope: 'all',
      extraMemberSelectors: [],
    }),
    'ui/bulk/jobs': () => ({ jobs: [summary] }),
    'ui/bulk/job': () => jobView(summary, targets),
    ...more,
  });
  render(<BulkPage />);
  return screen.findByRole('region', { name: /^Bulk reset in Acme Corp/ });
}

const counts = () => screen.getByRole('status', { name: 'Bulk reset counts' });
const pageStatus = () =>
  screen.getAllByRole('status').find((region) => !region.hasAttribute('aria-label'))!;

afterEach(() => cleanup());

describe('JobPanel: a running job', () => {
  it('shows progress, counts, time left, the engine and one row per member', async () => {
    const panel = await open(JOB);
    const bar = screen.getByRole('progressbar', { name: 'Bulk reset progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('2');
    expect(bar.getAttribute('aria-valuemax')).toBe('3');
    expect(counts().textContent).toBe(
      '1 done, 1 failed and 1 left of 3 members (about 3 min left).',
    );
    expect(panel.textContent).toContain('Running.');
    expect(panel.textContent).toContain('Slack completes these resets asynchronously');
    const rows = await screen.findAllByRole('row');
    expect(rows).toHaveLength(4);
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Member', 'Outcome', 'Details']);
    expect(cells(rows[1]!)).toEqual([
      'Ada LovelaceU0123ABCD',
      'Queued at Slack',
      'Slack accepted the request; the sessions end within moments.',
    ]);
    expect(cells(rows[2]!)).toEqual([
      'Grace HopperU0GRACE001 · grace@example.com',
      'Failed',
      'No member of Acme Corp has that ID.',
    ]);
    expect(cells(rows[3]!)).toEqual(['U0999ZZZZ', 'Not sent yet', '']);
  });

  it('follows the active org’s newest job, not another org’s', async () => {
    const other: BulkJobSummary = {
      ...JOB,
      id: 'j9',
      org: 'Globex',
      orgId: 'E0999GLOBX',
      tokenId: 't9',
    };
    await open(JOB, { 'ui/bulk/jobs': () => ({ jobs: [other, JOB] }) });
    await screen.findAllByRole('row');
    expect(background.sentOf('ui/bulk/job')).toEqual([{ type: 'ui/bulk/job', jobId: 'j1' }]);
  });

  it('shows the newest counts when the background says the job changed, at most twice a second', async () => {
    let done = 1;
    await open(JOB, {
      'ui/bulk/job': () =>
        jobView({ ...JOB, counts: { total: 3, done, failed: 1, left: 2 - done } }),
    });
    await screen.findAllByRole('row');
    done = 2;
    for (let i = 0; i < 5; i++) background.notify('bg-to-pages/bulk/changed', { jobId: 'j1' });
    await waitFor(() => expect(counts().textContent).toMatch(/^2 done, 1 failed and 0 left/));
    expect(
      screen
        .getByRole('progressbar', { name: 'Bulk reset progress' })
        .getAttribute('aria-valuenow'),
    ).toBe('3');
    // The first notice at once, the other four together once the half second is over.
    await waitFor(() => expect(background.sentOf('ui/bulk/job')).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(background.sentOf('ui/bulk/job')).toHaveLength(3);
  });

  it('Cancel job sends the cancel and says nothing new is sent', async () => {
    const cancelled: BulkJobSummary = {
      ...JOB,
      state: 'cancelled',
      counts: { total: 3, done: 1, failed: 1, left: 0 },
    };
    await open(JOB, { 'ui/bulk/cancel': () => cancelled });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel job' }));
    await waitFor(() => expect(pageStatus().textContent).toMatch(/nothing new is sent/i));
    expect(background.sentOf('ui/bulk/cancel')).toEqual([{ type: 'ui/bulk/cancel', jobId: 'j1' }]);
    expect(screen.queryByRole('button', { name: 'Cancel job' })).toBeNull();
    expect(screen.getByText(/^Cancelled: nothing was sent after that/)).toBeTruthy();
  });
});

describe('JobPanel: waiting, stopped and finished jobs', () => {
  it('says a waiting job’s place in line', async () => {
    const panel = await open({ ...JOB, state: 'waiting', placeInLine: 2, etaSeconds: undefined });
    expect(panel.textContent).toContain('Waiting: number 2 in line behind another bulk job');
    expect(screen.getByRole('button', { name: 'Cancel job' })).toBeTruthy();
  });

  it('shows why a job stopped, and Resume job resumes it with the active token', async () => {
    const stopped: BulkJobSummary = {
      ...JOB,
      state: 'stopped',
      stopMessage: 'The token for Acme Corp was revoked. Save a new one, then resume the job.',
    };
    let resumed = false;
    await open(stopped, {
      'ui/bulk/resume': () => {
        resumed = true;
        return JOB;
      },
      'ui/bulk/job': () => jobView(resumed ? JOB : stopped),
    });
    expect(screen.getByText(stopped.stopMessage!)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel job' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Resume job' }));
    await waitFor(() =>
      expect(background.sentOf('ui/bulk/resume')).toEqual([
        { type: 'ui/bulk/resume', jobId: 'j1', tokenId: 't1' },
      ]),
    );
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Resume job' })).toBeNull());
    expect(screen.getByRole('button', { name: 'Cancel job' })).toBeTruthy();
  });

  it('Export results downloads the job’s CSV', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:results');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    await open(
      { ...JOB, state: 'done', etaSeconds: undefined },
      {
        'ui/bulk/export-csv': () => ({
          csv: 'member,outcome\r\nU0123ABCD,done\r\n',
          filename: 'bulk-reset-j1.csv',
        }),
      },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export results' }));
    await waitFor(() =>
      expect(pageStatus().textContent).toBe('Exported the results to bulk-reset-j1.csv.'),
    );
    expect(background.sentOf('ui/bulk/export-csv')).toEqual([
      { type: 'ui/bulk/export-csv', jobId: 'j1' },
    ]);
    const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0];
    expect(await blob.text()).toBe('member,outcome\r\nU0123ABCD,done\r\n');
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('bulk-reset-j1.csv');
    expect(link.href).toBe('blob:results');
  });

  it('draws a few dozen rows of a 10,000-member job, and says how many there are', async () => {
    const big: BulkJobSummary = {
      ...JOB,
      state: 'done',
      counts: { total: 10_000, done: 10_000, failed: 0, left: 0 },
    };
    await open(big, {}, manyTargets(10_000));
    expect(await screen.findByRole('heading', { name: 'Results: 10,000 members' })).toBeTruthy();
    const rows = screen.getAllByRole('row');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(100);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('10001');
  });
});
