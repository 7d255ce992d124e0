import { SANDBOX } from '../fake-slack';
import { activeTokenId, expect, OPTIONS, optionsWithAdminToken, test } from './fixtures';

test('the built extension loads and its service worker starts without errors or warnings', async ({
  extension,
}) => {
  const manifest = await extension.worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  // Only what something uses: alarms wake the bulk job runner.
  expect([...(manifest.permissions ?? [])].sort()).toEqual(
    ['alarms', 'contextMenus', 'notifications', 'storage'].sort(),
  );
  const options = await extension.page(OPTIONS);
  await expect(options.getByLabel('Admin token')).toBeVisible();
  expect(extension.workerConsole).toEqual([]);
});

test('a reset asked for by an extension page reaches Slack as exactly one form-encoded POST', async ({
  extension,
  fake,
}) => {
  // A session-only token, saved as an admin does; only what follows is looked at.
  const page = await optionsWithAdminToken(extension, 'session');
  fake.requests.length = 0;
  expect(fake.sessionsOf(SANDBOX.users.ada).length).toBeGreaterThan(0);

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

test('a fresh install opens the settings page, where the token is added', async ({ extension }) => {
  const settings = extension.installPage;
  expect(settings, 'the settings page opened on install').toBeDefined();
  if (!settings) return;
  await expect(settings.getByLabel('Admin token')).toBeVisible();
  await expect(settings.getByRole('button', { name: 'Save token' })).toBeVisible();
  // Exactly one: the install opens it once.
  const optionsUrl = `chrome-extension://${extension.extensionId}/${OPTIONS}`;
  expect(extension.context.pages().filter((p) => p.url().startsWith(optionsUrl))).toHaveLength(1);
});
