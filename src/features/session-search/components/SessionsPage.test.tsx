// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOB, TOKEN } from '../../../../test/support/bulk-fixtures';
import {
  type Answers,
  type FakeBackground,
  fakeBackground,
} from '../../../../test/support/fake-background';
import type { SessionId, UserId } from '../../../shared/ids';
import type { SessionRow } from '../model';
import { SessionsPage } from './SessionsPage';

const ENG = 'T0SBXENG01';
let serial = 0;
function session(
  userId: string,
  created: string,
  recent = created,
  client = '4.41.105',
): SessionRow {
  serial += 1;
  const device = { deviceHardware: 'Apple M2', os: 'OS X', slackClientVersion: client };
  return {
    userId: userId as UserId,
    teamId: ENG,
    sessionId: String(1112275520000 + serial) as SessionId,
    created: { ...device, ip: created },
    recent: { ...device, ip: recent },
  };
}

const PAGE_1 = [
  session('U0AAAAAA1', '203.0.113.9'),
  session('U0AAAAAA2', '198.51.100.4'),
  session('U0AAAAAA1', '198.51.100.5', '203.0.113.77'),
];
const PAGE_2 = [session('U0AAAAAA3', '2001:db8::1', '2001:db8::1', '4.33.73')];

const ANSWERS: Answers = {
  'ui/tokens/list': () => ({ tokens: [TOKEN], activeId: 't1' }),
  'ui/bulk/jobs': () => ({ jobs: [] }),
  'ui/session-search/page': ({ cursor }) =>
    cursor === 'next'
      ? { sessions: PAGE_2, skipped: 1 }
      : { sessions: PAGE_1, nextCursor: 'next', skipped: 0 },
  'ui/session-search/names': ({ userIds }) => ({ members: userIds.map((userId) => ({ userId })) }),
  'ui/session-search/invalidate': ({ sessions }) => ({
    ...JOB,
    engine: 'invalidate',
    source: 'session-search',
    counts: { total: sessions.length, done: 0, failed: 0, left: sessions.length },
  }),
  'ui/bulk/job': () => ({ ...JOB, engine: 'invalidate', source: 'session-search', targets: [] }),
};

let background: FakeBackground;
beforeEach(() => {
  background = fakeBackground(ANSWERS);
});
afterEach(() => cleanup());

const summary = () => screen.getByRole('status', { name: 'Matching sessions' });
const field = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const type = (name: string, value: string) => fireEvent.input(field(name), { target: { value } });

async function loaded() {
  render(<SessionsPage />);
  const load = await screen.findByRole('button', { name: 'Load sessions' });
  await waitFor(() => expect((load as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(load);
  await waitFor(() =>
    expect(summary().textContent).toBe('4 sessions of 3 members match: all that were loaded.'),
  );
}

describe('SessionsPage', () => {
  it('loads every page by following the cursor, and says what was left out', async () => {
    await loaded();
    expect(background.sentOf('ui/session-search/page').map((m) => m.cursor)).toEqual([
      undefined,
      'next',
    ]);
    expect(screen.getByText(/2 pages, 4 sessions; the whole list/).textContent).toContain(
      '1 listed without a session or member ID was left out.',
    );
  });

  it('filters as typed, combined, and says an IP text it cannot read as a sentence', async () => {
    await loaded();
    type('IP address or range', '203.0.113.0/24');
    await waitFor(() => expect(summary().textContent).toMatch(/^2 sessions of 1 member match/));
    fireEvent.click(screen.getByRole('checkbox', { name: 'IP changed since sign-in' }));
    await waitFor(() => expect(summary().textContent).toMatch(/^1 session of 1 member match/));
    type('IP address or range', '');
    fireEvent.click(screen.getByRole('checkbox', { name: 'IP changed since sign-in' }));
    type('Device or client', '4.33');
    await waitFor(() => expect(summary().textContent).toMatch(/^1 session of 1 member match/));
    type('IP address or range', '203.0.113.300');
    await waitFor(() => expect(summary().textContent).toContain('is not understood'));
    expect(field('IP address or range').getAttribute('aria-invalid')).toBe('true');
  });

  it('Confirm invalidate sends exactly the matching sessions with their workspace and member', async () => {
    await loaded();
    type('IP address or range', '203.0.113.0/24');
    await waitFor(() => expect(summary().textContent).toMatch(/^2 sessions/));
    fireEvent.click(screen.getByRole('button', { name: 'Invalidate matching sessions' }));
    const question = screen.getByRole('form');
    expect(question.textContent).toContain('End 2 sessions of 1 member');
    // Cancel has the focus: a stray Enter does not end anything.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm invalidate' }));
    await waitFor(() => expect(background.sentOf('ui/session-search/invalidate')).toHaveLength(1));
    const [sent] = background.sentOf('ui/session-search/invalidate');
    expect(sent!.sessions).toEqual(
      [PAGE_1[0]!, PAGE_1[2]!].map(({ sessionId, teamId, userId }) => ({
        sessionId,
        teamId,
        userId,
      })),
    );
  });

  it('withdraws the question when the matches change before Confirm', async () => {
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: 'Invalidate matching sessions' }));
    expect(screen.getByRole('form').textContent).toContain('End 4 sessions');
    type('Member', 'U0AAAAAA2');
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(background.sentOf('ui/session-search/invalidate')).toEqual([]);
  });
});
