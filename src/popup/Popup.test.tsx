// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Answers,
  type FakeBackground,
  failWith,
  fakeBackground,
  noAnswer,
} from '../../test/support/fake-background';
import { SAVED_TOKEN } from '../../test/support/saved-token';
import type { MemberView } from '../features/members/model';
import type { SessionView } from '../features/sessions/model';
import type { UiRequestType } from '../protocol';
import { Popup } from './Popup';

const TOKEN = SAVED_TOKEN;

const ADA: MemberView = {
  userId: 'U0123ABCD' as MemberView['userId'],
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  teamId: 'T0123ABCD',
  teams: ['T0123ABCD'],
  isBot: false,
  isPrimaryOwner: false,
  deleted: false,
};

const SESSIONS: SessionView[] = [
  {
    sessionId: '9007199254740993' as SessionView['sessionId'],
    teamId: 'T0123ABCD',
    device: 'Laptop',
    os: 'Mac',
    clientVersion: '4.36',
    lastSeenIp: '203.0.113.5',
    createdIp: '203.0.113.9',
  },
  {
    sessionId: '1112275520242' as SessionView['sessionId'],
    teamId: 'T0999WXYZ',
    device: 'Phone',
    os: 'iOS',
    clientVersion: '23.10',
    lastSeenIp: '198.51.100.7',
    createdIp: '198.51.100.8',
  },
];

/** The background as the popup sees it; each test overrides what it needs. */
const POPUP_ANSWERS: Answers = {
  'ui/tokens/list': () => ({ tokens: [TOKEN], activeId: 't1' }),
  'ui/activity/list': () => [],
  'ui/settings/get': () => ({
    confirmBeforeReset: true,
    defaultScope: 'all',
    extraMemberSelectors: [],
  }),
  'ui/member/resolve': () => ({ ...ADA, tokenId: 't1' }),
  'ui/sessions/reset': (m) => ({
    member: ADA,
    activityId: 'a1',
    org: 'Acme Corp',
    scope: m.scope,
    resent: false,
  }),
  'ui/sessions/check': () => ({
    verified: true,
    remaining: [],
    sentence: 'Ada Lovelace is signed out: no active sessions remain.',
  }),
  'ui/sessions/list': () => SESSIONS,
  'ui/session-policy/get': () => ({ reported: true }),
  'ui/sessions/invalidate': (m) => ({
    sessionId: m.sessionId,
    message: `Ended session ${m.sessionId} of Ada Lovelace (U0123ABCD).`,
  }),
  'ui/tokens/unlock': () => ({ tokens: [TOKEN], activeId: 't1' }),
  // No browser policy: what most installs have.
  'ui/settings/policy': () => ({}),
};

let background: FakeBackground;

function use(overrides: Answers) {
  background = fakeBackground({ ...POPUP_ANSWERS, ...overrides });
}

const sentOf = (type: UiRequestType) => background.sentOf(type);

function renderPopup(initialUser = '') {
  render(<Popup initialUser={initialUser} />);
}

/** Waits until the initial token, settings and activity requests have been answered. */
async function ready() {
  await waitFor(() => expect(screen.getByText('Acting as grace in Acme Corp')).toBeTruthy());
}

function typeUser(text: string) {
  fireEvent.input(screen.getByRole('textbox', { name: 'User' }), { target: { value: text } });
}

async function reachConfirmation(user = 'U0123ABCD') {
  renderPopup();
  await ready();
  typeUser(user);
  fireEvent.click(screen.getByRole('button', { name: 'Reset sessions' }));
  return screen.findByRole('button', { name: 'Confirm reset' });
}

beforeEach(() => {
  use({});
});

afterEach(() => {
  cleanup();
});

describe('Popup: first render', () => {
  it('offers an enabled User field before the background answers', () => {
    use({
      'ui/tokens/list': noAnswer,
      'ui/activity/list': noAnswer,
      'ui/settings/get': noAnswer,
      'ui/settings/policy': noAnswer,
    });
    renderPopup();
    const field = screen.getByRole('textbox', { name: 'User' }) as HTMLInputElement;
    expect(field.disabled).toBe(false);
    expect(field.readOnly).toBe(false);
    expect(screen.getByRole('button', { name: 'Reset sessions' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Show sessions' })).toBeTruthy();
  });

  it('checks All devices by default and offers the other two scopes', async () => {
    renderPopup();
    const all = screen.getByRole('radio', { name: 'All devices' }) as HTMLInputElement;
    const web = screen.getByRole('radio', { name: 'Web only' }) as HTMLInputElement;
    const mobile = screen.getByRole('radio', { name: 'Mobile only' }) as HTMLInputElement;
    expect(all.checked).toBe(true);
    expect(web.checked).toBe(false);
    expect(mobile.checked).toBe(false);
    await ready();
    expect(all.checked).toBe(true);
  });

  it('links to the bulk page, which opens in a tab of its own', async () => {
    renderPopup();
    await ready();
    const more = screen.getByRole('navigation', { name: 'More' });
    const link = within(more).getByRole('link', { name: 'Bulk reset' }) as HTMLAnchorElement;
    expect(link.href).toMatch(/^chrome-extension:\/\/[^/]+\/src\/bulk\/index\.html$/);
    expect(link.target).toBe('_blank');
  });

  it('has empty live regions to start with', async () => {
    renderPopup();
    await ready();
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.getByRole('alert').textContent).toBe('');
  });
});

describe('Popup: invalid input', () => {
  it.each([
    ['hello', /U or W/],
    ['T0123ABCD', /workspace/],
    ['ada@', /e-mail/],
  ])('%j gets a sentence and sends nothing to Slack', async (input, words) => {
    renderPopup();
    await ready();
    typeUser(input);
    fireEvent.click(screen.getByRole('button', { name: 'Reset sessions' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(words));
    expect(screen.getByRole('alert').textContent).toMatch(/[.!]$/);
    fireEvent.click(screen.getByRole('button', { name: 'Show sessions' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(words));
    expect(sentOf('ui/member/resolve')).toEqual([]);
    expect(sentOf('ui/sessions/reset')).toEqual([]);
    expect(sentOf('ui/sessions/list')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Confirm reset' })).toBeNull();
  });

  it('refuses an empty field without asking the background', async () => {
    renderPopup();
    await ready();
    fireEvent.click(screen.getByRole('button', { name: 'Reset sessions' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).not.toBe(''));
    expect(sentOf('ui/member/resolve')).toEqual([]);
  });

  it('marks the field invalid once it has been left with a bad value', async () => {
    renderPopup();
    await ready();
    const field = screen.getByRole('textbox', { name: 'User' });
    typeUser('T0123ABCD');
    fireEvent.blur(field);
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(sentOf('ui/member/resolve')).toEqual([]);
  });

  it('says what is wrong once, not in the hint and the alert both', async () => {
    renderPopup();
    await ready();
    const field = screen.getByRole('textbox', { name: 'User' });
    typeUser('T0123ABCD');
    fireEvent.blur(field);
    const hint = document.getElementById(field.getAttribute('aria-describedby')!)!;
    await waitFor(() => expect(hint.textContent).toMatch(/workspace/));
    const sentence = hint.textContent!;
    fireEvent.click(screen.getByRole('button', { name: 'Reset sessions' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(sentence));
    expect(screen.getAllByText(sentence)).toHaveLength(1);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    // Typing again takes the sentence back to the hint while the value is still wrong.
    typeUser('T0123ABCDE');
    fireEvent.blur(field);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(''));
    expect(hint.textContent).toMatch(/workspace/);
    expect(screen.getAllByText(hint.textContent!)).toHaveLength(1);
  });
});

describe('Popup: reset', () => {
  it('confirms with the member and org named, then resets once with the chosen scope', async () => {
    renderPopup();
    await ready();
    typeUser('u0123abcd');
    fireEvent.click(screen.getByRole('radio', { name: 'Web only' }));
    expect((screen.getByRole('radio', { name: 'Web only' }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reset sessions' }));

    const confirm = await screen.findByRole('button', { name: 'Confirm reset' });
    expect(sentOf('ui/member/resolve')).toEqual([
      expect.objectContaining({ type: 'ui/member/resolve', input: 'u0123abcd' }),
    ]);
    // Nothing destructive before the admin answers.
    expect(sentOf('ui/sessions/reset')).toEqual([]);
    const question = screen.getByRole('form');
    expect(question.textContent).toContain('Ada Lovelace');
    expect(question.textContent).toContain('U0123ABCD');
    expect(question.textContent).toContain('Acme Corp');
    expect(question.textContent).toContain('web browsers and the desktop app');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();

    fireEvent.click(confirm);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Ada Lovelace'));
    expect(screen.getByRole('status').textContent).toContain('U0123ABCD');
    expect(screen.getByRole('status').textContent).toContain('web browsers and the desktop app');
    const resets = sentOf('ui/sessions/reset');
    expect(resets).toHaveLength(1);
    expect(resets[0]).toMatchObject({ userId: 'U0123ABCD', scope: 'web', source: 'popup' });
    expect(screen.queryByRole('button', { name: 'Confirm reset' })).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('lists the member again after the reset and says what remains', async () => {
    fireEvent.click(await reachConfirmation());
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain(
        'Ada Lovelace is signed out: no active sessions remain.',
      ),
    );
    expect(sentOf('ui/sessions/check')).toEqual([
      expect.objectContaining({ userId: 'U0123ABCD', tokenId: 't1', scope: 'all' }),
    ]);
    // What the fresh listing found is what the member view shows.
    expect(
      screen.getByRole('region', { name: /Active sessions of Ada Lovelace/ }).textContent,
    ).toContain('No active sessions');
  });

  it('says the sign-out could not be checked, and why, when listing fails', async () => {
    use({
      'ui/sessions/check': () => ({
        verified: false,
        remaining: [],
        sentence:
          'Could not check that Ada Lovelace is signed out, as listing their sessions failed: the token lacks admin.users:read.',
      }),
    });
    fireEvent.click(await reachConfirmation());
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain('Could not check that Ada Lovelace'),
    );
    expect(screen.getByRole('status').textContent).toContain('signed out of Slack on every device');
    expect(screen.queryByRole('region', { name: /Active sessions of/ })).toBeNull();
  });

  it('sends the all-devices scope when nothing else was chosen', async () => {
    fireEvent.click(await reachConfirmation());
    await waitFor(() => expect(sentOf('ui/sessions/reset')).toHaveLength(1));
    expect(sentOf('ui/sessions/reset')[0]).toMatchObject({ scope: 'all' });
  });

  it('Cancel sends no reset and says nothing was sent', async () => {
    await reachConfirmation();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/nothing was sent/i),
    );
    expect(screen.queryByRole('button', { name: 'Confirm reset' })).toBeNull();
    expect(sentOf('ui/sessions/reset')).toEqual([]);
  });

  it('Escape in the confirmation cancels', async () => {
    const confirm = await reachConfirmation();
    fireEvent.keyDown(confirm, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Confirm reset' })).toBeNull());
    expect(screen.getByRole('status').textContent).toMatch(/nothing was sent/i);
    expect(sentOf('ui/sessions/reset')).toEqual([]);
  });

  it('shows an error reply from the lookup in role=alert and goes no further', async () => {
    use({
      'ui/member/resolve': () => failWith('user_not_found', 'No member of Acme Corp has that ID.'),
    });
    renderPopup();
    await ready();
    typeUser('U0123ABCD');
    fireEvent.click(screen.getByRole('button', { name: 'Reset sessions' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('No member of Acme Corp has that ID.'),
    );
    expect(screen.queryByRole('button', { name: 'Confirm reset' })).toBeNull();
    expect(sentOf('ui/sessions/reset')).toEqual([]);
  });

  it('shows an error reply from the reset in role=alert', async () => {
    use({
      'ui/sessions/reset': () =>
        failWith('ratelimited', 'Slack asked to slow down. Try again shortly.'),
    });
    fireEvent.click(await reachConfirmation());
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Slack asked to slow down. Try again shortly.',
      ),
    );
    expect(screen.getByRole('status').textContent).not.toContain('signed out');
  });
});

describe('Popup: no token', () => {
  it('explains what is needed and opens the settings', async () => {
    use({ 'ui/tokens/list': () => ({ tokens: [] }) });
    renderPopup();
    const button = await screen.findByRole('button', { name: 'Open settings' });
    expect(document.body.textContent).toMatch(/token/);
    expect(screen.queryByRole('textbox', { name: 'User' })).toBeNull();
    fireEvent.click(button);
    await waitFor(() => expect(background.openedOptions).toBe(1));
  });
});

describe('Popup: sessions', () => {
  async function showSessions() {
    renderPopup();
    await ready();
    typeUser('U0123ABCD');
    fireEvent.click(screen.getByRole('button', { name: 'Show sessions' }));
    return screen.findByRole('table');
  }

  const rowWith = (text: string) =>
    screen.getAllByRole('row').find((row) => row.textContent?.includes(text));

  it('lists each session with an Invalidate button', async () => {
    const table = await showSessions();
    expect(sentOf('ui/sessions/list')).toEqual([expect.objectContaining({ userId: 'U0123ABCD' })]);
    expect(within(table).getAllByRole('button', { name: 'Invalidate' })).toHaveLength(2);
    expect(rowWith('Laptop')?.textContent).toContain('203.0.113.5');
    expect(rowWith('Phone')?.textContent).toContain('iOS');
  });

  it('Invalidate asks first, then ends exactly that session and removes its row', async () => {
    await showSessions();
    const phone = rowWith('Phone');
    expect(phone).toBeTruthy();
    fireEvent.click(within(phone as HTMLElement).getByRole('button', { name: 'Invalidate' }));
    const confirm = within(phone as HTMLElement).getByRole('button', {
      name: 'Confirm invalidate',
    });
    expect(sentOf('ui/sessions/invalidate')).toEqual([]);
    fireEvent.click(confirm);
    await waitFor(() => expect(rowWith('Phone')).toBeUndefined());
    expect(sentOf('ui/sessions/invalidate')).toEqual([
      expect.objectContaining({
        userId: 'U0123ABCD',
        tokenId: 't1',
        sessionId: '1112275520242',
        teamId: 'T0999WXYZ',
      }),
    ]);
    expect(rowWith('Laptop')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('1112275520242');
  });

  it('sends a long session ID exactly as Slack gave it', async () => {
    await showSessions();
    const laptop = rowWith('Laptop') as HTMLElement;
    fireEvent.click(within(laptop).getByRole('button', { name: 'Invalidate' }));
    fireEvent.click(within(laptop).getByRole('button', { name: 'Confirm invalidate' }));
    await waitFor(() => expect(sentOf('ui/sessions/invalidate')).toHaveLength(1));
    expect(sentOf('ui/sessions/invalidate')[0]).toMatchObject({
      sessionId: '9007199254740993',
      teamId: 'T0123ABCD',
    });
  });

  it('Cancel in a row sends nothing', async () => {
    await showSessions();
    const laptop = rowWith('Laptop') as HTMLElement;
    fireEvent.click(within(laptop).getByRole('button', { name: 'Invalidate' }));
    fireEvent.click(within(laptop).getByRole('button', { name: 'Cancel' }));
    expect(within(laptop).getByRole('button', { name: 'Invalidate' })).toBeTruthy();
    expect(sentOf('ui/sessions/invalidate')).toEqual([]);
  });

  it('keeps the row and shows the alert when Slack refuses', async () => {
    use({
      'ui/sessions/invalidate': () =>
        failWith('invalid_session', 'That session has already ended.'),
    });
    await showSessions();
    const laptop = rowWith('Laptop') as HTMLElement;
    fireEvent.click(within(laptop).getByRole('button', { name: 'Invalidate' }));
    fireEvent.click(within(laptop).getByRole('button', { name: 'Confirm invalidate' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('That session has already ended.'),
    );
    expect(rowWith('Laptop')).toBeTruthy();
  });

  it('says so when there are no active sessions', async () => {
    use({ 'ui/sessions/list': () => [] });
    renderPopup();
    await ready();
    typeUser('U0123ABCD');
    fireEvent.click(screen.getByRole('button', { name: 'Show sessions' }));
    expect(await screen.findByText('No active sessions')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Invalidate' })).toBeNull();
  });
});

describe('Popup: locked token', () => {
  it('asks for the passphrase, unlocks with it, and goes on with what it interrupted', async () => {
    let unlocked = false;
    use({
      'ui/member/resolve': () =>
        unlocked
          ? { ...ADA, tokenId: 't1' }
          : failWith('locked', 'The token for Acme Corp is locked. Enter its passphrase.', {
              tokenId: 't1',
            }),
      'ui/tokens/unlock': () => {
        unlocked = true;
        return { tokens: [TOKEN], activeId: 't1' };
      },
    });
    renderPopup();
    await ready();
    typeUser('U0123ABCD');
    fireEvent.click(screen.getByRole('button', { name: 'Reset sessions' }));
    const passphrase = await screen.findByLabelText('Passphrase');
    expect((passphrase as HTMLInputElement).type).toBe('password');
    const unlock = screen.getByRole('button', { name: 'Unlock' }) as HTMLButtonElement;
    expect(unlock.disabled).toBe(true);
    expect(document.body.textContent).toContain('Enter its passphrase.');

    fireEvent.input(passphrase, { target: { value: 'correct horse battery staple' } });
    await waitFor(() => expect(unlock.disabled).toBe(false));
    fireEvent.click(unlock);
    // No second press of Reset sessions: the question it asked for comes.
    await screen.findByRole('button', { name: 'Confirm reset' });
    expect(sentOf('ui/member/resolve')).toHaveLength(2);
    expect(sentOf('ui/tokens/unlock')).toEqual([
      expect.objectContaining({ tokenId: 't1', passphrase: 'correct horse battery staple' }),
    ]);
    expect(screen.queryByLabelText('Passphrase')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'User' })).toBeTruthy();
  });
});

describe('Popup: a lock answered after the member changed', () => {
  it('Unlock sends nothing for the member named before the field changed', async () => {
    let answer: (value: unknown) => void = () => undefined;
    use({
      // The look-up is out while the admin types someone else.
      'ui/member/resolve': () =>
        new Promise((resolve) => {
          answer = resolve as (value: unknown) => void;
        }),
    });
    renderPopup();
    await ready();
    typeUser('U0123ABCD');
    fireEvent.click(screen.getByRole('button', { name: 'Reset sessions' }));
    await waitFor(() => expect(sentOf('ui/member/resolve')).toHaveLength(1));
    typeUser('W0ABCDEFGHIJ');
    answer(failWith('locked', 'The token for Acme Corp is locked.', { tokenId: 't1' }));
    const passphrase = await screen.findByLabelText('Passphrase');
    fireEvent.input(passphrase, { target: { value: 'correct horse battery staple' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(sentOf('ui/tokens/unlock')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByLabelText('Passphrase')).toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sentOf('ui/member/resolve')).toHaveLength(1);
    expect(sentOf('ui/sessions/reset')).toEqual([]);
  });
});

describe('Popup: settings', () => {
  it('starts on the saved default devices until the admin picks others', async () => {
    use({
      'ui/settings/get': () => ({
        confirmBeforeReset: true,
        defaultScope: 'mobile',
        extraMemberSelectors: [],
      }),
    });
    renderPopup();
    const mobile = screen.getByRole('radio', { name: 'Mobile only' }) as HTMLInputElement;
    await waitFor(() => expect(mobile.checked).toBe(true));
    fireEvent.click(screen.getByRole('radio', { name: 'Web only' }));
    expect((screen.getByRole('radio', { name: 'Web only' }) as HTMLInputElement).checked).toBe(
      true,
    );
  });

  it('resets without the question when the settings say so', async () => {
    use({
      'ui/settings/get': () => ({
        confirmBeforeReset: false,
        defaultScope: 'all',
        extraMemberSelectors: [],
      }),
    });
    renderPopup();
    await ready();
    await waitFor(() => expect(sentOf('ui/settings/get')).toHaveLength(1));
    typeUser('U0123ABCD');
    fireEvent.click(screen.getByRole('button', { name: 'Reset sessions' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Ada Lovelace'));
    expect(screen.queryByRole('button', { name: 'Confirm reset' })).toBeNull();
    expect(sentOf('ui/sessions/reset')).toEqual([
      expect.objectContaining({ userId: 'U0123ABCD', scope: 'all', source: 'popup' }),
    ]);
  });
});

describe('Popup: set by the organization', () => {
  it('shows the support contact the organization set, as a link to write to it', async () => {
    use({
      'ui/settings/policy': () => ({
        supportContact: { text: 'security@acme.example', href: 'mailto:security@acme.example' },
      }),
    });
    renderPopup();
    const link = await screen.findByRole('link', { name: 'security@acme.example' });
    expect(link.getAttribute('href')).toBe('mailto:security@acme.example');
    expect(link.closest('p')?.textContent).toBe('Help: security@acme.example');
  });

  it('shows a contact that is no address as text, also before a token is saved', async () => {
    use({
      'ui/tokens/list': () => ({ tokens: [] }),
      'ui/settings/policy': () => ({ supportContact: { text: 'Call the SOC on 555-0100' } }),
    });
    renderPopup();
    expect(await screen.findByText('Help: Call the SOC on 555-0100')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open settings' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /555-0100/ })).toBeNull();
  });

  it('shows no Help line without a policy', async () => {
    renderPopup();
    await ready();
    await waitFor(() => expect(sentOf('ui/settings/policy')).toHaveLength(1));
    expect(screen.queryByText(/^Help:/)).toBeNull();
  });
});

describe('Popup: one part after another', () => {
  const GLOBEX = { ...TOKEN, id: 't2', team: 'Globex', active: false };

  it('opened for a member’s sessions, lists them straight away', async () => {
    render(<Popup initialUser="U0123ABCD" initialView="sessions" />);
    expect(await screen.findByRole('table')).toBeTruthy();
    expect(sentOf('ui/member/resolve')).toEqual([expect.objectContaining({ input: 'U0123ABCD' })]);
    expect(sentOf('ui/sessions/list')).toEqual([expect.objectContaining({ userId: 'U0123ABCD' })]);
  });

  it('typing another member withdraws the question', async () => {
    await reachConfirmation();
    typeUser('U0999WXYZ');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Confirm reset' })).toBeNull());
    expect(sentOf('ui/sessions/reset')).toEqual([]);
  });

  it('a reset of the member whose sessions are listed shows what the fresh listing found', async () => {
    renderPopup();
    await ready();
    typeUser('U0123ABCD');
    fireEvent.click(screen.getByRole('button', { name: 'Show sessions' }));
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'Reset sessions' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm reset' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain('no active sessions remain'),
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('No active sessions')).toBeTruthy();
  });

  it('choosing another org drops the question and the session list', async () => {
    use({
      'ui/tokens/list': () => ({ tokens: [TOKEN, GLOBEX], activeId: 't1' }),
      'ui/tokens/activate': () => ({
        tokens: [
          { ...TOKEN, active: false },
          { ...GLOBEX, active: true },
        ],
        activeId: 't2',
      }),
    });
    renderPopup();
    await ready();
    typeUser('U0123ABCD');
    fireEvent.click(screen.getByRole('button', { name: 'Show sessions' }));
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'Reset sessions' }));
    await screen.findByRole('button', { name: 'Confirm reset' });

    fireEvent.change(screen.getByRole('combobox', { name: 'Org' }), { target: { value: 't2' } });
    await waitFor(() => expect(screen.getByText('Acting as grace in Globex')).toBeTruthy());
    expect(sentOf('ui/tokens/activate')).toEqual([expect.objectContaining({ tokenId: 't2' })]);
    expect(screen.queryByRole('button', { name: 'Confirm reset' })).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(sentOf('ui/sessions/reset')).toEqual([]);
  });

  it('a reply that no token is saved any more brings back the way to the settings', async () => {
    let saved = [TOKEN];
    use({
      'ui/tokens/list': () => ({ tokens: saved, activeId: saved[0]?.id }),
      'ui/member/resolve': () => {
        saved = [];
        return failWith('no_token', 'No admin token is saved. Save one in the settings.');
      },
    });
    renderPopup();
    await ready();
    typeUser('U0123ABCD');
    fireEvent.click(screen.getByRole('button', { name: 'Reset sessions' }));
    expect(await screen.findByRole('button', { name: 'Open settings' })).toBeTruthy();
    expect(sentOf('ui/tokens/list')).toHaveLength(2);
  });
});

describe('Popup: session policy', () => {
  async function showPolicy() {
    renderPopup();
    await ready();
    typeUser('U0123ABCD');
    fireEvent.click(screen.getByRole('button', { name: 'Show sessions' }));
    const group = await screen.findByRole('group', { name: 'Session policy' });
    // Read from Slack once the card is shown; a busy machine may take a while.
    await waitFor(() => expect(group.textContent).toContain('Now:'), { timeout: 5000 });
    return group;
  }

  it('shows the member’s current policy from Slack', async () => {
    use({
      'ui/session-policy/get': () => ({ duration: 28_800, signOutOnClose: true, reported: true }),
    });
    const policy = await showPolicy();
    await waitFor(() =>
      expect(
        (within(policy).getByRole('combobox', { name: 'Session duration' }) as HTMLSelectElement)
          .selectedOptions[0]?.textContent,
      ).toBe('8 hours'),
    );
    expect(
      (
        within(policy).getByRole('checkbox', {
          name: 'Sign out when the app or browser closes',
        }) as HTMLInputElement
      ).checked,
    ).toBe(true);
    expect(sentOf('ui/session-policy/get')).toEqual([
      expect.objectContaining({ userId: 'U0123ABCD', tokenId: 't1' }),
    ]);
  });

  it('members with no policy show Organization default, and a duration set elsewhere shows as it is', async () => {
    let policy = await showPolicy();
    const duration = () =>
      (within(policy).getByRole('combobox', { name: 'Session duration' }) as HTMLSelectElement)
        .selectedOptions[0]?.textContent;
    await waitFor(() => expect(duration()).toBe('Organization default'));
    cleanup();
    use({
      'ui/session-policy/get': () => ({
        duration: 315_569_520,
        signOutOnClose: false,
        reported: true,
      }),
    });
    policy = await showPolicy();
    await waitFor(() => expect(duration()).toBe('10 years'));
  });

  it('Apply policy asks first, naming the member and the change, then sends it once', async () => {
    use({
      'ui/session-policy/apply': (m) => ({
        policy: { duration: m.duration, signOutOnClose: m.signOutOnClose },
        message: 'Session policy of Ada Lovelace (U0123ABCD) applied.',
      }),
    });
    const policy = await showPolicy();
    const apply = within(policy).getByRole('button', { name: 'Apply policy' });
    await waitFor(() => expect((apply as HTMLButtonElement).disabled).toBe(false));
    fireEvent.change(within(policy).getByRole('combobox', { name: 'Session duration' }), {
      target: { value: '28800' },
    });
    fireEvent.click(
      within(policy).getByRole('checkbox', { name: 'Sign out when the app or browser closes' }),
    );
    fireEvent.click(apply);
    expect(policy.textContent).toContain('Ada Lovelace (U0123ABCD)');
    expect(policy.textContent).toContain(
      'sessions last 8 hours and end when the app or browser closes',
    );
    expect(sentOf('ui/session-policy/apply')).toEqual([]);
    fireEvent.click(within(policy).getByRole('button', { name: 'Confirm apply' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('applied'));
    expect(sentOf('ui/session-policy/apply')).toEqual([
      expect.objectContaining({ userId: 'U0123ABCD', duration: 28_800, signOutOnClose: true }),
    ]);
  });

  it('an untouched close choice that is not the member’s own stays the organization’s', async () => {
    use({
      'ui/session-policy/apply': (m) => ({
        policy: { duration: m.duration, signOutOnClose: m.signOutOnClose },
        message: 'Session policy of Ada Lovelace (U0123ABCD) applied.',
      }),
    });
    const policy = await showPolicy();
    const apply = within(policy).getByRole('button', { name: 'Apply policy' });
    await waitFor(() => expect((apply as HTMLButtonElement).disabled).toBe(false));
    fireEvent.change(within(policy).getByRole('combobox', { name: 'Session duration' }), {
      target: { value: '86400' },
    });
    fireEvent.click(apply);
    expect(policy.textContent).toContain(
      'follow the organization’s choice when the app or browser closes',
    );
    fireEvent.click(within(policy).getByRole('button', { name: 'Confirm apply' }));
    await waitFor(() => expect(sentOf('ui/session-policy/apply')).toHaveLength(1));
    expect(sentOf('ui/session-policy/apply')[0]).toEqual({
      type: 'ui/session-policy/apply',
      userId: 'U0123ABCD',
      tokenId: 't1',
      duration: 86_400,
    });
  });

  it('says so when Slack did not report the member’s policy', async () => {
    use({ 'ui/session-policy/get': () => ({ reported: false }) });
    const policy = await showPolicy();
    await waitFor(() => expect(policy.textContent).toContain('Now: not known.'));
  });

  it('reads the policy again after a refused change, which may have been partly made', async () => {
    use({
      'ui/session-policy/apply': () =>
        failWith('policy_partly_applied', 'The member’s own session duration was cleared, but …'),
    });
    const policy = await showPolicy();
    const apply = within(policy).getByRole('button', { name: 'Apply policy' });
    await waitFor(() => expect((apply as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(apply);
    fireEvent.click(within(policy).getByRole('button', { name: 'Confirm apply' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('was cleared'));
    await waitFor(() => expect(sentOf('ui/session-policy/get')).toHaveLength(2));
  });

  it('Clear policy asks first; Cancel sends nothing', async () => {
    use({
      'ui/session-policy/clear': () => ({
        policy: { signOutOnClose: false },
        message: 'Session policy of Ada Lovelace (U0123ABCD) cleared.',
      }),
    });
    const policy = await showPolicy();
    const clear = within(policy).getByRole('button', { name: 'Clear policy' });
    await waitFor(() => expect((clear as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(clear);
    fireEvent.click(within(policy).getByRole('button', { name: 'Cancel' }));
    expect(sentOf('ui/session-policy/clear')).toEqual([]);
    fireEvent.click(within(policy).getByRole('button', { name: 'Clear policy' }));
    fireEvent.click(within(policy).getByRole('button', { name: 'Confirm clear' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('cleared'));
    expect(sentOf('ui/session-policy/clear')).toHaveLength(1);
  });

  it('a refused change is a sentence in the alert', async () => {
    use({
      'ui/session-policy/apply': () =>
        failWith(
          'feature_not_enabled',
          'Session policies per member need an Enterprise organization.',
        ),
    });
    const policy = await showPolicy();
    const apply = within(policy).getByRole('button', { name: 'Apply policy' });
    await waitFor(() => expect((apply as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(apply);
    fireEvent.click(within(policy).getByRole('button', { name: 'Confirm apply' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('need an Enterprise organization'),
    );
  });

  it('a bot has no session policy to show', async () => {
    use({ 'ui/member/resolve': () => ({ ...ADA, isBot: true, tokenId: 't1' }) });
    renderPopup();
    await ready();
    typeUser('U0123ABCD');
    fireEvent.click(screen.getByRole('button', { name: 'Show sessions' }));
    await screen.findByRole('table');
    expect(screen.queryByRole('group', { name: 'Session policy' })).toBeNull();
    expect(sentOf('ui/session-policy/get')).toEqual([]);
  });
});

describe('Popup: site access withdrawn in the browser', () => {
  const API = 'https://slack.com/api/*';

  it('says so before Show sessions, sends nothing, and goes on once Grant access is answered', async () => {
    background.siteAccess.withhold(API);
    renderPopup();
    await ready();
    typeUser('U0123ABCD');
    fireEvent.click(screen.getByRole('button', { name: 'Show sessions' }));
    const grant = await screen.findByRole('button', { name: 'Grant access' });
    expect(grant.getAttribute('aria-describedby')).toBeTruthy();
    const sentence = document.getElementById(grant.getAttribute('aria-describedby') ?? '');
    expect(sentence?.textContent).toMatch(/^Session Admin has no access to slack\.com, so/);
    await waitFor(() => expect(document.activeElement).toBe(grant));
    expect(sentOf('ui/member/resolve')).toEqual([]);
    expect(sentOf('ui/sessions/list')).toEqual([]);

    fireEvent.click(grant);
    expect(background.siteAccess.requested).toEqual([[API]]);
    // Show sessions goes on by itself: the member's sessions are listed.
    await waitFor(() => expect(sentOf('ui/sessions/list')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Grant access' })).toBeNull());
    expect(screen.queryByText(/has no access to/)).toBeNull();
  });

  it('stops Reset sessions too, and leaves it stopped when the browser’s question is declined', async () => {
    background.siteAccess.withhold(API);
    background.siteAccess.answer = 'decline';
    renderPopup();
    await ready();
    typeUser('U0123ABCD');
    fireEvent.click(screen.getByRole('button', { name: 'Reset sessions' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Grant access' }));
    await screen.findByText(/^Access was not granted\./);
    expect(sentOf('ui/member/resolve')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Confirm reset' })).toBeNull();
    // Granted later from the browser's own menu: the reset question comes after all.
    background.siteAccess.restore(API);
    await screen.findByRole('button', { name: 'Confirm reset' });
    expect(sentOf('ui/member/resolve')).toHaveLength(1);
  });

  it('asks for GovSlack’s host for a GovSlack org', async () => {
    const gov = { ...TOKEN, environment: 'gov' as const };
    use({ 'ui/tokens/list': () => ({ tokens: [gov], activeId: 't1' }) });
    background.siteAccess.withhold('https://slack-gov.com/api/*');
    renderPopup();
    await screen.findByText('Acting as grace in Acme Corp (GovSlack)');
    typeUser('U0123ABCD');
    fireEvent.click(screen.getByRole('button', { name: 'Show sessions' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Grant access' }));
    expect(background.siteAccess.requested).toEqual([['https://slack-gov.com/api/*']]);
  });

  it('never sends a finished reset again when access comes back after a later refusal', async () => {
    use({
      // The reset took, and what remains is listed: the table shows under the outcome.
      'ui/sessions/check': () => ({
        verified: true,
        remaining: SESSIONS,
        sentence: 'Some remain.',
      }),
      'ui/sessions/invalidate': () =>
        failWith(
          'no_site_access',
          'Session Admin has no access to slack.com, so nothing was sent to Slack.',
        ),
    });
    renderPopup();
    await ready();
    typeUser('U0123ABCD');
    fireEvent.click(screen.getByRole('button', { name: 'Reset sessions' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm reset' }));
    const table = await screen.findByRole('table');
    expect(sentOf('ui/sessions/reset')).toHaveLength(1);

    fireEvent.click(within(table).getAllByRole('button', { name: 'Invalidate' })[0]!);
    fireEvent.click(await within(table).findByRole('button', { name: 'Confirm invalidate' }));
    await waitFor(() => expect(sentOf('ui/sessions/invalidate')).toHaveLength(1));
    background.siteAccess.withhold(API);
    await screen.findByRole('button', { name: 'Grant access' });
    // Access comes back from the browser's own menu: nobody pressed anything in the popup.
    background.siteAccess.restore(API);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Grant access' })).toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sentOf('ui/sessions/reset')).toHaveLength(1);
  });

  it('turns the background’s refusal for want of access into Grant access', async () => {
    let answered = 0;
    use({
      'ui/member/resolve': () =>
        answered++ === 0
          ? failWith(
              'no_site_access',
              'Session Admin has no access to slack.com, so nothing was sent to Slack.',
            )
          : { ...ADA, tokenId: 't1' },
    });
    renderPopup();
    await ready();
    typeUser('U0123ABCD');
    fireEvent.click(screen.getByRole('button', { name: 'Show sessions' }));
    // The browser withdrew it after the page's own check: the background's answer says so.
    background.siteAccess.withhold(API);
    const grant = await screen.findByRole('button', { name: 'Grant access' });
    await waitFor(() => expect(document.activeElement).toBe(grant));
    fireEvent.click(grant);
    await waitFor(() => expect(sentOf('ui/sessions/list')).toHaveLength(1));
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('does not take the focus when access is withdrawn while nothing was asked', async () => {
    renderPopup();
    await ready();
    const field = screen.getByRole('textbox', { name: 'User' });
    field.focus();
    background.siteAccess.withhold(API);
    await screen.findByRole('button', { name: 'Grant access' });
    expect(document.activeElement).toBe(field);
  });

  it('shows nothing about access while it is granted', async () => {
    renderPopup();
    await ready();
    typeUser('U0123ABCD');
    fireEvent.click(screen.getByRole('button', { name: 'Show sessions' }));
    await waitFor(() => expect(sentOf('ui/sessions/list')).toHaveLength(1));
    expect(screen.queryByRole('button', { name: 'Grant access' })).toBeNull();
    expect(background.siteAccess.requested).toEqual([]);
  });
});
