// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type Answers, fakeBackground } from '../../test/support/fake-background';
import { SLACK_APP_MANIFEST_JSON } from '../features/tokens/app-manifest';
import { OptionsPage } from './OptionsPage';

const OWN = { confirmBeforeReset: false, defaultScope: 'all' as const, extraMemberSelectors: [] };

function open(answers: Answers = {}) {
  const background = fakeBackground({
    'ui/tokens/list': () => ({ tokens: [] }),
    'ui/settings/get': () => OWN,
    'ui/settings/policy': () => ({}),
    'ui/activity/list': () => [],
    ...answers,
  });
  render(<OptionsPage />);
  return background;
}

/** What a screen reader reads after a control's name: its aria-describedby texts. */
function description(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

afterEach(cleanup);

describe('Settings: what the organization set', () => {
  it('shows a forced confirmation checked, disabled and described as set by the organization', async () => {
    open({
      'ui/settings/get': () => ({ ...OWN, confirmBeforeReset: true }),
      'ui/settings/policy': () => ({
        confirmBeforeReset: true,
        apiEnvironment: 'gov',
        allowedAdminHosts: ['acme.enterprise.slack.com'],
      }),
    });
    const confirm = (await screen.findByRole('checkbox', {
      name: 'Confirm before resetting',
    })) as HTMLInputElement;
    await waitFor(() => expect(confirm.disabled).toBe(true));
    expect(confirm.checked).toBe(true);
    expect(description(confirm)).toBe('Set by your organization');

    const environment = screen.getByRole('combobox', {
      name: 'Slack environment',
    }) as HTMLSelectElement;
    expect(environment.disabled).toBe(true);
    expect(environment.value).toBe('gov');
    expect(description(environment)).toBe('Set by your organization');

    expect(
      screen.getByText('Buttons appear on Slack admin pages of acme.enterprise.slack.com only.'),
    ).toBeTruthy();
  });

  it('saves a token for the Slack the organization chose', async () => {
    const background = open({
      'ui/settings/policy': () => ({ apiEnvironment: 'gov' }),
      'ui/tokens/save': () => ({ token: { team: 'Agency', user: 'riley' } as never, warnings: [] }),
    });
    const environment = screen.getByRole('combobox', {
      name: 'Slack environment',
    }) as HTMLSelectElement;
    await waitFor(() => expect(environment.disabled).toBe(true));
    fireEvent.input(screen.getByLabelText('Admin token'), { target: { value: 'xoxp-1-2-3-abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save token' }));
    await waitFor(() => expect(background.sentOf('ui/tokens/save')).toHaveLength(1));
    expect(background.sentOf('ui/tokens/save')[0]).toMatchObject({ environment: 'gov' });
  });

  it('without a policy, leaves every control to the admin', async () => {
    const background = open();
    const confirm = (await screen.findByRole('checkbox', {
      name: 'Confirm before resetting',
    })) as HTMLInputElement;
    await waitFor(() => expect(background.sentOf('ui/settings/policy').length).toBeGreaterThan(0));
    expect(confirm.disabled).toBe(false);
    expect(confirm.checked).toBe(false);
    expect(description(confirm)).toBe('');
    const environment = screen.getByRole('combobox', {
      name: 'Slack environment',
    }) as HTMLSelectElement;
    expect(environment.disabled).toBe(false);
    expect(screen.queryByText('Set by your organization')).toBeNull();
  });
});

describe('Settings: first run', () => {
  it('offers the Slack app manifest and its steps while no token is saved', async () => {
    open();
    const copy = await screen.findByRole('button', { name: 'Copy app manifest' });
    expect(copy).toBeTruthy();
    const manifest = screen.getByLabelText('Slack app manifest') as HTMLTextAreaElement;
    expect(manifest.value).toBe(SLACK_APP_MANIFEST_JSON);
    expect(
      screen.getByRole('link', { name: 'Create an app → From a manifest' }).getAttribute('href'),
    ).toBe('https://api.slack.com/apps?new_app=1');
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
  });

  it('shows and selects the manifest when the browser does not let the page copy', async () => {
    open();
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new Error('denied')) },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Copy app manifest' }));
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('did not let the page copy'));
    const manifest = screen.getByLabelText('Slack app manifest') as HTMLTextAreaElement;
    await waitFor(() => expect(document.activeElement).toBe(manifest));
    expect(manifest.closest('details')?.open).toBe(true);
  });

  it('is gone once a token is saved', async () => {
    const background = open({
      'ui/tokens/list': () => ({
        tokens: [
          {
            id: 't1',
            team: 'Acme',
            teamId: 'E0123ABCD',
            url: 'https://acme.enterprise.slack.com/',
            user: 'grace',
            userId: 'U0ADMIN001',
            scopes: [],
            environment: 'commercial',
            mode: 'device',
            redacted: 'xoxp-…abcd',
            savedAt: '2026-12-01T00:00:00.000Z',
            active: true,
            locked: false,
            forgotten: false,
          },
        ],
      }),
    });
    await screen.findByRole('heading', { name: /Acme/ });
    expect(background.sentOf('ui/tokens/list').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Copy app manifest' })).toBeNull();
  });
});
