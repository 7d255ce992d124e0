// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Answers,
  type FakeBackground,
  failWith,
  fakeBackground,
} from '../../test/support/fake-background';
import { SAVED_TOKEN } from '../../test/support/saved-token';
import { OptionsPage } from './OptionsPage';

const API = 'https://slack.com/api/*';
const ADMIN_PAGES = [
  'https://*.slack.com/admin*',
  'https://app.slack.com/manage/*',
  'https://*.enterprise.slack.com/manage/*',
];

const SAVED = SAVED_TOKEN;

let background: FakeBackground;

function use(overrides: Answers = {}) {
  background = fakeBackground({
    'ui/tokens/list': () => ({ tokens: [] }),
    'ui/settings/get': () => ({
      confirmBeforeReset: true,
      defaultScope: 'all',
      extraMemberSelectors: [],
    }),
    'ui/settings/policy': () => ({}),
    'ui/activity/list': () => [],
    'ui/tokens/save': () => ({ token: SAVED, warnings: [] }),
    ...overrides,
  });
}

const tokenForm = () => screen.getByRole('button', { name: 'Save token' }).closest('form')!;
const adminPages = () => screen.getByRole('region', { name: 'Slack’s admin pages' });

async function pasteAndSave(token = 'xoxp-1234-5678-abcdef') {
  fireEvent.input(screen.getByLabelText('Admin token'), { target: { value: token } });
  fireEvent.click(screen.getByRole('button', { name: 'Save token' }));
}

beforeEach(() => use());
afterEach(cleanup);

describe('Settings: Slack’s API host withdrawn in the browser', () => {
  it('says so as the page opens, naming the host, with Grant access', async () => {
    background.siteAccess.withhold(API);
    render(<OptionsPage />);
    const grant = await within(tokenForm()).findByRole('button', { name: 'Grant access' });
    expect(grant.getAttribute('aria-describedby')).toBe('api-access-sentence');
    expect(document.getElementById('api-access-sentence')?.textContent).toBe(
      'Session Admin has no access to slack.com, so it cannot reach Slack: no token can be checked and nobody can be signed out. Grant access to go on.',
    );
  });

  it('keeps the token until access is granted, then saves it', async () => {
    background.siteAccess.withhold(API);
    render(<OptionsPage />);
    await within(tokenForm()).findByRole('button', { name: 'Grant access' });
    await pasteAndSave();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Grant access'));
    expect(background.sentOf('ui/tokens/save')).toEqual([]);

    fireEvent.click(within(tokenForm()).getByRole('button', { name: 'Grant access' }));
    expect(background.siteAccess.requested).toEqual([[API]]);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Token saved for Acme Corp, admin grace.',
      ),
    );
    expect(background.sentOf('ui/tokens/save')).toHaveLength(1);
    expect(within(tokenForm()).queryByRole('button', { name: 'Grant access' })).toBeNull();
  });

  it('asks for GovSlack’s host when GovSlack is chosen', async () => {
    background.siteAccess.withhold('https://slack-gov.com/api/*');
    render(<OptionsPage />);
    await screen.findByText('No token is saved yet. Paste the user token of your Slack app below.');
    expect(within(tokenForm()).queryByRole('button', { name: 'Grant access' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Slack environment'), { target: { value: 'gov' } });
    fireEvent.click(await within(tokenForm()).findByRole('button', { name: 'Grant access' }));
    expect(background.siteAccess.requested).toEqual([['https://slack-gov.com/api/*']]);
    await waitFor(() => expect(document.getElementById('api-access-sentence')).toBeNull());
  });

  it('says the question was declined, and saves once access comes from the browser’s menu', async () => {
    background.siteAccess.withhold(API);
    background.siteAccess.answer = 'decline';
    render(<OptionsPage />);
    await pasteAndSave();
    fireEvent.click(await within(tokenForm()).findByRole('button', { name: 'Grant access' }));
    await screen.findByText(/^Access was not granted\./);
    expect(background.sentOf('ui/tokens/save')).toEqual([]);
    background.siteAccess.restore(API);
    await waitFor(() => expect(background.sentOf('ui/tokens/save')).toHaveLength(1));
  });

  it('while the browser’s question is open, says so and sends nothing', async () => {
    background.siteAccess.withhold(API);
    background.siteAccess.answer = 'pending';
    render(<OptionsPage />);
    await pasteAndSave();
    fireEvent.click(await within(tokenForm()).findByRole('button', { name: 'Grant access' }));
    await screen.findByText('Answer the browser’s question to grant access.');
    expect(background.sentOf('ui/tokens/save')).toEqual([]);
  });

  it('offers Grant access when the background finds the host withheld', async () => {
    let saves = 0;
    use({
      'ui/tokens/save': () =>
        saves++ === 0
          ? failWith(
              'no_site_access',
              'Session Admin has no access to slack.com, so nothing was sent to Slack.',
            )
          : { token: SAVED, warnings: [] },
    });
    render(<OptionsPage />);
    await pasteAndSave();
    await waitFor(() => expect(saves).toBe(1));
    background.siteAccess.withhold(API);
    fireEvent.click(await within(tokenForm()).findByRole('button', { name: 'Grant access' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Token saved for Acme Corp, admin grace.',
      ),
    );
    expect(screen.getByRole('alert').textContent).toBe('');
  });
});

describe('Settings: Slack’s admin pages', () => {
  it('says the buttons can be added while access is granted', async () => {
    render(<OptionsPage />);
    await within(adminPages()).findByText(
      'Session Admin can add its Reset sessions buttons to Slack’s admin pages.',
    );
    expect(within(adminPages()).queryByRole('button', { name: 'Grant access' })).toBeNull();
  });

  it('names the admin pages it cannot reach and asks for exactly those', async () => {
    background.siteAccess.withhold(ADMIN_PAGES[0]!, ADMIN_PAGES[2]!);
    render(<OptionsPage />);
    const grant = await within(adminPages()).findByRole('button', { name: 'Grant access' });
    expect(document.getElementById('admin-pages-access-sentence')?.textContent).toBe(
      'Session Admin has no access to *.slack.com/admin and *.enterprise.slack.com/manage, so it cannot add its Reset sessions buttons to those admin pages. Grant access to have them back.',
    );
    fireEvent.click(grant);
    expect(background.siteAccess.requested).toEqual([[ADMIN_PAGES[0], ADMIN_PAGES[2]]]);
    await within(adminPages()).findByText(
      'Session Admin can add its Reset sessions buttons to Slack’s admin pages.',
    );
  });

  it('follows a withdrawal made while the page is open', async () => {
    render(<OptionsPage />);
    await within(adminPages()).findByText(/can add its Reset sessions buttons/);
    background.siteAccess.withhold(ADMIN_PAGES[1]!);
    await within(adminPages()).findByRole('button', { name: 'Grant access' });
    expect(within(adminPages()).queryByText(/can add its Reset sessions buttons/)).toBeNull();
  });

  it('covers GovSlack’s admin pages once a GovSlack token is saved', async () => {
    use({
      'ui/tokens/list': () => ({ tokens: [{ ...SAVED, environment: 'gov' }], activeId: 't1' }),
    });
    background.siteAccess.withhold('https://app.slack-gov.com/manage/*');
    render(<OptionsPage />);
    await within(adminPages()).findByRole('button', { name: 'Grant access' });
    expect(document.getElementById('admin-pages-access-sentence')?.textContent).toMatch(
      /^Session Admin has no access to app\.slack-gov\.com\/manage,/,
    );
  });
});
