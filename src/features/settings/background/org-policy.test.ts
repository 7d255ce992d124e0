import { beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeExtension } from '../../../../test/support/fake-extension-storage';

const fake = installFakeExtension();
const windowsCreated: string[] = [];
const notified: string[] = [];
// What the right-click path touches beyond storage: its confirmation window and notification.
Object.assign((globalThis as unknown as { browser: object }).browser, {
  runtime: {
    id: 'session-admin',
    getURL: (path: string) => `chrome-extension://session-admin/${path}`,
    sendMessage: async () => undefined,
  },
  windows: {
    create: async ({ url }: { url: string }) => {
      windowsCreated.push(url);
      return { id: 7 };
    },
    get: async () => ({ id: 7 }),
    getAll: async () => [],
    update: async () => ({ id: 7 }),
  },
  tabs: { query: async () => [], get: async () => ({}) },
  notifications: {
    create: async (options: { title: string; message: string }) => {
      notified.push(`${options.title}: ${options.message}`);
      return 'n';
    },
  },
});

/** Every request that left for Slack; Slack refuses them all, which is enough here. */
const sentToSlack: string[] = [];
vi.stubGlobal('fetch', async (url: string) => {
  sentToSlack.push(String(url));
  return new Response(JSON.stringify({ ok: false, error: 'invalid_auth' }), {
    headers: { 'content-type': 'application/json' },
  });
});

const { settingsHandlers } = await import('./handlers');
const { storeToken } = await import('../../../core/background/vault/vault');
await storeToken({
  token: 'xoxp-1-2-3-policytest',
  mode: 'session',
  environment: 'commercial',
  identity: {
    team: 'Acme Corp',
    teamId: 'E0123ABCD',
    enterpriseId: 'E0123ABCD',
    url: 'https://acme.enterprise.slack.com/',
    user: 'grace',
    userId: 'U0ADMIN001',
    scopes: ['admin.users:write', 'admin.users:read', 'users:read.email', 'users:read'],
  },
});
const { getPreferences } = await import('./preferences');
const { handleMenuClick } = await import('../../context-menu/background/context-menu');

const page = { kind: 'extension-page' } as const;
const turnConfirmationOff = () =>
  settingsHandlers['ui/settings/set']({ preferences: { confirmBeforeReset: false } }, page);

/** A right-click on one member's ID in a Slack page: the case "confirm before resetting" decides. */
const rightClickOnAda = () =>
  handleMenuClick({
    menuItemId: 'reset-sessions',
    selectionText: 'U0123ABCD',
    pageUrl: 'https://app.slack.com/client/T0123ABCD/C0123ABCD',
    editable: false,
  } as never);

beforeEach(async () => {
  await fake.managed.clear();
  windowsCreated.length = 0;
  notified.length = 0;
  sentToSlack.length = 0;
});

describe('a forced "Confirm before resetting"', () => {
  it('wins over the admin’s own choice, in what every part of the extension reads', async () => {
    await turnConfirmationOff();
    expect((await getPreferences()).confirmBeforeReset).toBe(false);

    await fake.managed.set({ confirmBeforeReset: true });
    expect((await getPreferences()).confirmBeforeReset).toBe(true);
    // The popup decides from what the settings page and it are told.
    expect((await settingsHandlers['ui/settings/get']({}, page)).confirmBeforeReset).toBe(true);
    expect(await settingsHandlers['ui/settings/policy']({}, page)).toEqual({
      confirmBeforeReset: true,
    });
    // Switching it off is refused with a sentence, and changes nothing.
    await expect(turnConfirmationOff()).rejects.toThrow('set by your organization');
    expect((await getPreferences()).confirmBeforeReset).toBe(true);

    // The policy gone, the admin's own choice is back.
    await fake.managed.clear();
    expect((await getPreferences()).confirmBeforeReset).toBe(false);
  });

  it('makes a right-click on one member ask in a confirmation window although the admin turned asking off', async () => {
    await fake.managed.clear();
    await turnConfirmationOff();
    // Without the policy the preference skips the question: Slack is asked at once.
    await rightClickOnAda();
    expect(windowsCreated).toEqual([]);
    expect(sentToSlack).toContain('https://slack.com/api/admin.users.session.reset');
    await vi.waitFor(() => expect(notified).toEqual([expect.stringMatching(/^Sign-out failed/)]));

    sentToSlack.length = 0;
    notified.length = 0;
    await fake.managed.set({ confirmBeforeReset: true });
    await rightClickOnAda();
    expect(notified).toEqual([]);
    expect(sentToSlack).toEqual([]);
    expect(windowsCreated).toHaveLength(1);
    expect(windowsCreated[0]).toContain('chrome-extension://session-admin/src/confirm/index.html');
  });
});

describe('the rest of the policy, enforced where requests arrive', () => {
  it('gives a Slack admin host the organization left out no buttons and no confirmation', async () => {
    const { pageControlHandlers } = await import('../../page-controls/background/handlers');
    const from = (origin: string) =>
      ({ kind: 'admin-content-script', origin, url: `${origin}/admin` }) as const;
    await fake.managed.set({ allowedAdminHosts: ['acme.enterprise.slack.com'] });
    await expect(
      pageControlHandlers['content/config/get']({}, from('https://acme.enterprise.slack.com')),
    ).resolves.toMatchObject({ placeControls: true });
    await expect(
      pageControlHandlers['content/config/get']({}, from('https://other-eng.slack.com')),
    ).resolves.toMatchObject({ placeControls: false });
    await expect(
      pageControlHandlers['content/reset/ask'](
        { userId: 'U0123ABCD' as never },
        from('https://other-eng.slack.com'),
      ),
    ).rejects.toThrow('does not allow this extension on this Slack page');
    expect(windowsCreated).toEqual([]);
  });

  it('refuses a token for the other Slack before asking Slack about it', async () => {
    const { tokenHandlers } = await import('../../tokens/background/handlers');
    await fake.managed.set({ apiEnvironment: 'gov' });
    await expect(
      tokenHandlers['ui/tokens/save'](
        { token: 'xoxp-1-2-3-another', mode: 'session', environment: 'commercial' },
        page,
      ),
    ).rejects.toThrow('Your organization allows tokens for GovSlack only. Nothing was saved.');
    expect(sentToSlack).toEqual([]);
  });
});

describe('without managed storage', () => {
  it('works as today when the browser has no managed area, or it throws', async () => {
    await turnConfirmationOff();
    const storage = (globalThis as unknown as { browser: { storage: Record<string, unknown> } })
      .browser.storage;
    const managed = storage.managed;
    try {
      storage.managed = undefined;
      expect((await getPreferences()).confirmBeforeReset).toBe(false);
      expect(await settingsHandlers['ui/settings/policy']({}, page)).toEqual({});
      // Firefox, with no policies.json naming the extension.
      storage.managed = {
        get: async () => {
          throw new Error('Managed storage manifest not found');
        },
      };
      expect((await getPreferences()).confirmBeforeReset).toBe(false);
      expect(await settingsHandlers['ui/settings/policy']({}, page)).toEqual({});
      await expect(
        settingsHandlers['ui/settings/set']({ preferences: { confirmBeforeReset: true } }, page),
      ).resolves.toMatchObject({ confirmBeforeReset: true });
    } finally {
      storage.managed = managed;
    }
  });
});
