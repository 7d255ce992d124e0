// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBackground } from '../../../../test/support/fake-background';
import type { ActivityEntry } from '../model';
import { timeWithZone } from '../time';
import { ActivitySection } from './ActivitySection';

vi.mock('../../../ui/download', () => ({ downloadText: () => undefined }));

function entry(id: string, userId: string, outcome: ActivityEntry['outcome']): ActivityEntry {
  return {
    id,
    at: '2026-12-02T13:02:10.000Z',
    org: 'Acme',
    orgId: 'E0123ABCD',
    admin: 'grace',
    adminId: 'U0ADMIN001',
    source: 'popup',
    action: 'reset',
    userId,
    scope: 'all',
    outcome,
  };
}

const ALL = [
  entry('3', 'U0000000003', 'failed'),
  entry('2', 'U0000000002', 'success'),
  entry('1', 'U0000000001', 'success'),
];

afterEach(cleanup);

function setUp() {
  return fakeBackground({
    'ui/activity/list': ({ filter }) =>
      ALL.filter((e) => !filter?.outcome || e.outcome === filter.outcome),
    'ui/activity/export-csv': () => ({ csv: 'x', filename: 'activity.csv' }),
  });
}

describe('Activity', () => {
  it('shows each time with its time zone', async () => {
    setUp();
    render(<ActivitySection report={() => undefined} />);
    const cells = await screen.findAllByText(timeWithZone('2026-12-02T13:02:10.000Z'));
    expect(cells).toHaveLength(3);
    // A zone name follows the seconds ("UTC", "CET", "GMT+1"…).
    expect(cells[0]!.textContent).toMatch(/\d\d:\d\d:\d\d \S+$/);
  });

  it('keeps column widths fixed, whatever rows the filter leaves', async () => {
    setUp();
    render(<ActivitySection report={() => undefined} />);
    const table = await screen.findByRole('table');
    expect(table.style.tableLayout).toBe('fixed');
    const widths = () => [...table.querySelectorAll('col')].map((c) => c.style.width);
    const before = widths();
    expect(before).toHaveLength(screen.getAllByRole('columnheader').length);
    expect(before.every((w) => w !== '')).toBe(true);
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'failed' } });
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    expect(widths()).toEqual(before);
  });

  it('Export CSV says it exports the entries shown, and asks for exactly those', async () => {
    const background = setUp();
    render(<ActivitySection report={() => undefined} />);
    const button = await screen.findByRole('button', { name: 'Export CSV' });
    const description = () =>
      document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(description()).toBe('Exports every entry.');

    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'failed' } });
    await waitFor(() => expect(description()).toBe('Exports the 1 entry shown.'));
    fireEvent.click(button);
    await waitFor(() => expect(background.sentOf('ui/activity/export-csv')).toHaveLength(1));
    expect(background.sentOf('ui/activity/export-csv')[0]!.filter).toEqual({ outcome: 'failed' });
  });
});
