// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOB, jobView, TOKEN } from '../../../../test/support/bulk-fixtures';
import {
  type Answers,
  type FakeBackground,
  failWith,
  fakeBackground,
} from '../../../../test/support/fake-background';
import '../../../../test/support/in-thread-worker';
import { BulkPage } from './BulkPage';

/** The background as the bulk page sees it with no job yet; each test overrides what it needs. */
const ANSWERS: Answers = {
  'ui/tokens/list': () => ({ tokens: [TOKEN], activeId: 't1' }),
  'ui/settings/get': () => ({
    confirmBeforeReset: true,
    defaultScope: 'all',
    extraMemberSelectors: [],
  }),
  'ui/bulk/jobs': () => ({ jobs: [] }),
  'ui/bulk/start': () => ({ ...JOB, counts: { total: 2, done: 0, failed: 0, left: 2 } }),
  'ui/bulk/job': () => jobView(),
};

let background: FakeBackground;
function use(overrides: Answers) {
  background = fakeBackground({ ...ANSWERS, ...overrides });
}

const users = () => screen.getByRole('textbox', { name: 'Users' }) as HTMLTextAreaElement;
const start = () => screen.getByRole('button', { name: 'Start bulk reset' }) as HTMLButtonElement;
const pageStatus = () =>
  screen.getAllByRole('status').find((region) => !region.hasAttribute('aria-label'))!;

function type(text: string) {
  fireEvent.input(users(), { target: { value: text } });
}

async function ready() {
  render(<BulkPage />);
  await screen.findByText('Acting as grace in Acme Corp');
}

/** Types the list and waits for its preview, then presses Start. */
async function ask(text: string) {
  type(text);
  await waitFor(() => expect(start().disabled).toBe(false));
  fireEvent.click(start());
  return screen.findByRole('form', { name: /will be signed out/ });
}

beforeEach(() => use({}));
afterEach(() => cleanup());

describe('BulkPage: the list', () => {
  it('previews members understood, duplicates, look-ups and refused lines with their numbers', async () => {
    await ready();
    type('U0123ABCD\n<@U0123ABCD>\nada@example.com\nhello\n\nT0123ABCD');
    const preview = await screen.findByRole('region', { name: 'Preview' });
    await waitFor(() => expect(preview.textContent).toContain('2 members understood.'));
    expect(preview.textContent).toContain('1 duplicate merged.');
    expect(preview.textContent).toContain('1 e-mail address to look up in Slack first.');
    const refused = within(preview).getByRole('list', { name: /2 lines not understood/ });
    const lines = within(refused)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Line 4: “hello”: .*U or W/);
    expect(lines[1]).toMatch(/^Line 6: “T0123ABCD”: .*workspace/);
  });

  it('lists the first 50 refused lines and says how many more', async () => {
    await ready();
    type(['U0123ABCD', ...Array.from({ length: 60 }, (_, i) => `nobody ${i}`)].join('\n'));
    const refused = await screen.findByRole('list', { name: /60 lines not understood/ });
    expect(within(refused).getAllByRole('listitem')).toHaveLength(50);
    expect(within(refused).getAllByRole('listitem')[0]!.textContent).toMatch(/^Line 2: /);
    expect(screen.getByText('And 10 more lines not understood.')).toBeTruthy();
  });

  it('says once what is wrong with junk, below the controls so they do not move', async () => {
    await ready();
    type('hello');
    const refused = await screen.findByRole('list', { name: /1 line not understood/ });
    const sentence = within(refused).getByRole('listitem').textContent!;
    expect(sentence).toMatch(/U or W/);
    const reason = sentence.replace(/^Line 1: “hello”: /, '');
    expect(
      screen.getAllByText(
        (_, el) => el?.children.length === 0 && !!el.textContent?.includes(reason),
      ),
    ).toHaveLength(1);
    // The preview comes after the Start button, so a long one never pushes it down.
    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(
      start().compareDocumentPosition(preview) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    // Asking to start before the preview settled says nothing again in the page's alert.
    type('nobody');
    fireEvent.submit(start().form!);
    await screen.findByRole('list', { name: /1 line not understood/ });
    await waitFor(() => expect(document.activeElement).toBe(users()));
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('keeps Start disabled until a member is understood', async () => {
    await ready();
    expect(start().disabled).toBe(true);
    type('hello');
    await screen.findByRole('list', { name: /1 line not understood/ });
    expect(start().disabled).toBe(true);
    type('hello\nU0123ABCD');
    await waitFor(() => expect(start().disabled).toBe(false));
  });

  it('fills Users from an imported file', async () => {
    await ready();
    const file = new File(['U0123ABCD\nU0999ZZZZ\n'], 'leavers.csv', { type: 'text/csv' });
    const input = screen.getByLabelText('Import file') as HTMLInputElement;
    expect(input.accept).toBe('.csv,.txt,text/csv,text/plain');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(users().value).toBe('U0123ABCD\nU0999ZZZZ\n'));
    await screen.findByText('2 members');
  });

  it('fills Users with the members a right-click handed over, and picks the devices it named', async () => {
    use({ 'ui/bulk/prefill': () => ({ input: 'U0123ABCD\nU0999ZZZZ', scope: 'web' }) });
    render(<BulkPage prefill="h1" />);
    await waitFor(() => expect(users().value).toBe('U0123ABCD\nU0999ZZZZ'));
    await waitFor(() =>
      expect((screen.getByRole('radio', { name: 'Web only' }) as HTMLInputElement).checked).toBe(
        true,
      ),
    );
    expect(background.sentOf('ui/bulk/prefill')).toEqual([{ type: 'ui/bulk/prefill', id: 'h1' }]);
  });
});

describe('BulkPage: starting', () => {
  it('asks first, naming the number of members and the org, with Cancel focused', async () => {
    await ready();
    const question = await ask('U0123ABCD\nU0999ZZZZ\nnobody');
    expect(question.textContent).toContain('2 members of Acme Corp will be signed out');
    expect(question.textContent).toContain('1 line not understood is left out.');
    const cancel = within(question).getByRole('button', { name: 'Cancel' });
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    expect(within(question).getByRole('button', { name: 'Confirm reset' })).toBeTruthy();
    expect(background.sentOf('ui/bulk/start')).toEqual([]);
  });

  it('Cancel sends nothing and says so', async () => {
    await ready();
    const question = await ask('U0123ABCD');
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(pageStatus().textContent).toMatch(/nothing was sent/i));
    expect(screen.queryByRole('button', { name: 'Confirm reset' })).toBeNull();
    expect(background.sentOf('ui/bulk/start')).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(start()));
  });

  it('Escape cancels', async () => {
    await ready();
    const question = await ask('U0123ABCD');
    fireEvent.keyDown(within(question).getByRole('button', { name: 'Cancel' }), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Confirm reset' })).toBeNull());
    expect(pageStatus().textContent).toMatch(/nothing was sent/i);
    expect(background.sentOf('ui/bulk/start')).toEqual([]);
  });

  it('Confirm sends one start with the text, devices, reason, token and engine', async () => {
    await ready();
    fireEvent.click(screen.getByRole('radio', { name: 'Web only' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Send one by one' }));
    fireEvent.input(screen.getByLabelText(/Reason/), { target: { value: '  INC-42  ' } });
    const question = await ask('U0123ABCD\nU0999ZZZZ');
    expect(question.textContent).toContain('web browsers and the desktop app');
    expect(question.textContent).toContain('Reason: INC-42');
    fireEvent.click(within(question).getByRole('button', { name: 'Confirm reset' }));
    await waitFor(() => expect(background.sentOf('ui/bulk/start')).toHaveLength(1));
    expect(background.sentOf('ui/bulk/start')[0]).toEqual({
      type: 'ui/bulk/start',
      input: 'U0123ABCD\nU0999ZZZZ',
      scope: 'web',
      reason: 'INC-42',
      tokenId: 't1',
      oneByOne: true,
    });
    await waitFor(() =>
      expect(pageStatus().textContent).toBe('Started the bulk reset of 2 members in Acme Corp.'),
    );
    expect(await screen.findByRole('progressbar', { name: 'Bulk reset progress' })).toBeTruthy();
    expect(background.sentOf('ui/bulk/job')).toEqual([{ type: 'ui/bulk/job', jobId: 'j1' }]);
  });

  it('a job about to start says it started; one behind another says it waits', async () => {
    const started = {
      ...JOB,
      state: 'waiting' as const,
      counts: { total: 2, done: 0, failed: 0, left: 2 },
    };
    use({ 'ui/bulk/start': () => started });
    await ready();
    let question = await ask('U0123ABCD\nU0999ZZZZ');
    fireEvent.click(within(question).getByRole('button', { name: 'Confirm reset' }));
    await waitFor(() =>
      expect(pageStatus().textContent).toBe('Started the bulk reset of 2 members in Acme Corp.'),
    );
    cleanup();
    use({ 'ui/bulk/start': () => ({ ...started, placeInLine: 1 }) });
    await ready();
    question = await ask('U0123ABCD\nU0999ZZZZ');
    fireEvent.click(within(question).getByRole('button', { name: 'Confirm reset' }));
    await waitFor(() =>
      expect(pageStatus().textContent).toBe(
        'The bulk reset of 2 members waits for another job in Acme Corp to finish.',
      ),
    );
  });

  it('starts with the saved default devices', async () => {
    use({
      'ui/settings/get': () => ({
        confirmBeforeReset: true,
        defaultScope: 'mobile',
        extraMemberSelectors: [],
      }),
    });
    await ready();
    await waitFor(() =>
      expect((screen.getByRole('radio', { name: 'Mobile only' }) as HTMLInputElement).checked).toBe(
        true,
      ),
    );
    const question = await ask('U0123ABCD');
    fireEvent.click(within(question).getByRole('button', { name: 'Confirm reset' }));
    await waitFor(() => expect(background.sentOf('ui/bulk/start')).toHaveLength(1));
    expect(background.sentOf('ui/bulk/start')[0]).toMatchObject({
      scope: 'mobile',
      oneByOne: false,
    });
  });

  it('withdraws the question when the list changes', async () => {
    await ready();
    await ask('U0123ABCD');
    type('U0123ABCD\nU0999ZZZZ');
    expect(screen.queryByRole('button', { name: 'Confirm reset' })).toBeNull();
  });

  it('says the background’s sentence in role=alert when the start is refused', async () => {
    use({
      'ui/bulk/start': () =>
        failWith('missing_scope', 'The token lacks admin.users:write. Add it and save again.'),
    });
    await ready();
    const question = await ask('U0123ABCD');
    fireEvent.click(within(question).getByRole('button', { name: 'Confirm reset' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'The token lacks admin.users:write. Add it and save again.',
      ),
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});

describe('BulkPage: no token', () => {
  it('explains what is needed and opens the settings', async () => {
    use({ 'ui/tokens/list': () => ({ tokens: [] }) });
    render(<BulkPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open settings' }));
    expect(background.openedOptions).toBe(1);
    expect(screen.queryByRole('textbox', { name: 'Users' })).toBeNull();
  });
});
