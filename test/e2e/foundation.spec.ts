import { SANDBOX } from '../fake-slack';
import { activeTokenId, expect, OPTIONS, test } from './fixtures';

test('the built extension loads and its service worker starts without errors or warnings', async ({
  extension,
}) => {
  const manifest = await extension.worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  // Only what something uses: no alarms until a job runner needs them.
  expect([...(manifest.permissions ?? [])].sort()).toEqual(
    ['contextMenus', 'notifications', 'storage'].sort(),
  );
  const options = await extension.page(OPTIONS);
  await expect(options.getByLabel('Admin token')).toBeVisible();
  expect(extension.workerConsole).toEqual([]);
});

test('a reset asked for by an extension page reaches Slack as exactly one form-encoded POST', async ({
  extension,
  fake,
}) => {
  // Place a session-only token with the background's own storage, as the vault keeps it.
  await extension.worker.evaluate(async (token) => {
    await chrome.storage.local.set({
      'vault.tokens': [
        {
          id: 'seeded',
          team: 'Acme Sandbox Org',
          teamId: 'E0SANDBOX01',
          enterpriseId: 'E0SANDBOX01',
          url: 'https://acme-sandbox.enterprise.slack.com/',
          user: 'riley.admin',
          userId: 'W0SBXADMIN1',
          scopes: ['admin.users:write', 'admin.users:read', 'users:read', 'users:read.email'],
          environment: 'commercial',
          mode: 'session',
          redacted: 'xoxp-…0001',
          savedAt: new Date().toISOString(),
        },
      ],
      'vault.activeId': 'seeded',
    });
    await chrome.storage.session.set({ 'vault.secret.seeded': token });
  }, SANDBOX.tokens.admin);
  expect(fake.sessionsOf(SANDBOX.users.ada).length).toBeGreaterThan(0);

  const page = await extension.page(OPTIONS);
  const tokenId = await activeTokenId(page);
  const reply = await page.evaluate(
    ({ userId, tokenId }) =>
      chrome.runtime.sendMessage({
        type: 'ui/sessions/reset',
        userId,
        tokenId,
        scope: 'all',
        source: 'popup',
      }),
    { userId: SANDBOX.users.ada, tokenId },
  );
  expect(reply).toMatchObject({ ok: true });

  const resets = fake.requestsFor('admin.users.session.reset');
  expect(resets).toHaveLength(1);
  const [reset] = resets;
  expect(reset!.httpMethod).toBe('POST');
  expect(reset!.host).toBe('slack.com');
  expect(reset!.contentType).toContain('application/x-www-form-urlencoded');
  expect(reset!.authorization).toBe(`Bearer ${SANDBOX.tokens.admin}`);
  expect(reset!.params).toEqual({ user_id: SANDBOX.users.ada });
  expect(fake.sessionsOf(SANDBOX.users.ada)).toEqual([]);
});
