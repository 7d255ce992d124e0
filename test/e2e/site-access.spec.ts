/**
 * Site access withdrawn in the browser. Chromium refuses `permissions.remove` for host
 * permissions the manifest requires ("You cannot remove required permissions"), so these tests
 * use the switch a person uses: the extensions page's site access ("On click" withholds every
 * host, the same call chrome://extensions makes), and grant one host back the same way. The
 * browser's own Grant access question is a dialog of the browser, which no automation can answer:
 * the tests check that the page asked it, and that the page follows the grant made meanwhile.
 */
import type { Page } from '@playwright/test';
import { SANDBOX } from '../fake-slack';
import {
  askBackground,
  type ExtensionFixture,
  expect,
  OPTIONS,
  popupWithToken,
  savedTokenCount,
  saveToken,
  test,
} from './fixtures';

const API = 'https://slack.com/api/*';

/** Runs one of the extensions page's own calls, as its site access controls do. */
async function onExtensionsPage(
  extension: ExtensionFixture,
  call: 'withholdAll' | 'grantSlackCom' | 'grantAll',
): Promise<void> {
  const page = await extension.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(
    ([id, call]) => {
      // biome-ignore lint/suspicious/noExplicitAny: chrome://extensions' private API is untyped
      const settings = (chrome as any).developerPrivate;
      if (call === 'grantSlackCom') return settings.addHostPermission(id, 'https://slack.com/*');
      const hostAccess = call === 'withholdAll' ? 'ON_CLICK' : 'ON_ALL_SITES';
      return settings.updateExtensionConfiguration({ extensionId: id, hostAccess });
    },
    [extension.extensionId, call] as const,
  );
  await page.close();
}

const hasAccess = (extension: ExtensionFixture, origins: string[]) =>
  extension.worker.evaluate((o) => chrome.permissions.contains({ origins: o }), origins);

/** Records the origins of each question the page asks the browser, and still asks it. */
async function watchRequests(page: Page): Promise<() => Promise<string[][]>> {
  await page.evaluate(() => {
    const permissions = (globalThis as unknown as { browser: typeof chrome }).browser.permissions;
    const ask = permissions.request.bind(permissions);
    const asked: string[][] = [];
    Object.assign(globalThis, { askedOrigins: asked });
    permissions.request = ((wanted: chrome.permissions.Permissions) => {
      asked.push(wanted.origins ?? []);
      return ask(wanted);
    }) as typeof permissions.request;
  });
  return () =>
    page.evaluate(() => (globalThis as unknown as { askedOrigins: string[][] }).askedOrigins);
}

test('settings: withheld slack.com is said before saving, Grant access asks for it, and the save goes on once granted', async ({
  extension,
  fake,
}) => {
  await onExtensionsPage(extension, 'withholdAll');
  expect(await hasAccess(extension, [API])).toBe(false);

  const options = await extension.page(OPTIONS);
  const form = options.locator('form').filter({ has: options.getByLabel('Admin token') });
  const grant = form.getByRole('button', { name: 'Grant access' });
  // Said as the page opens, naming the host; the sentence is the button's description.
  await expect(grant).toBeVisible();
  await expect(grant).toHaveAccessibleDescription(
    // The warning's mark is part of what is read out.
    '⚠ Session Admin has no access to slack.com, so it cannot reach Slack: no token can be checked and nobody can be signed out. Grant access to go on.',
  );
  const adminPages = options.getByRole('region', { name: 'Slack’s admin pages' });
  await expect(adminPages).toContainText(
    'Session Admin has no access to *.slack.com/admin, app.slack.com/manage and *.enterprise.slack.com/manage',
  );

  // Save token waits for access: nothing goes to Slack, no network error, no 4 s wait.
  await saveToken(options, SANDBOX.tokens.admin);
  await expect(grant).toBeFocused();
  await expect(options.getByRole('alert')).toHaveText('');
  expect(fake.requests).toEqual([]);
  expect(await savedTokenCount(options)).toBe(0);

  const asked = await watchRequests(options);
  await grant.click();
  expect(await asked()).toEqual([[API]]);
  await expect(form).toContainText('Answer the browser’s question to grant access.');

  // Granted from the browser's extensions page meanwhile: the sentence goes, the save goes on.
  await onExtensionsPage(extension, 'grantSlackCom');
  await expect(options.getByRole('status')).toContainText(
    `Token saved for ${SANDBOX.enterprise.name}`,
  );
  await expect(grant).toHaveCount(0);
  await expect(form).not.toContainText('has no access');
  expect(fake.requestsFor('auth.test')).toHaveLength(1);
  expect(await savedTokenCount(options)).toBe(1);

  // Only slack.com came back: the admin pages still lack their buttons, and say so.
  await expect(adminPages.getByRole('button', { name: 'Grant access' })).toBeVisible();
  await onExtensionsPage(extension, 'grantAll');
  await expect(adminPages).toHaveText(
    'Slack’s admin pagesSession Admin can add its Reset sessions buttons to Slack’s admin pages.',
  );
});

test('popup and background: a withheld API host stops Show sessions with Grant access, and the background names the host at once', async ({
  extension,
  fake,
}) => {
  const popup = await popupWithToken(extension);
  await onExtensionsPage(extension, 'withholdAll');
  const sentBefore = fake.requests.length;

  await popup.getByRole('textbox', { name: 'User' }).fill(SANDBOX.users.ada);
  await popup.getByRole('button', { name: 'Show sessions' }).click();
  const grant = popup.getByRole('button', { name: 'Grant access' });
  await expect(grant).toBeFocused();
  await expect(grant).toHaveAccessibleDescription(
    /^⚠ Session Admin has no access to slack\.com, so/,
  );
  expect(fake.requests).toHaveLength(sentBefore);

  // A page that asks anyway gets the background's sentence, not a network error after retries.
  const started = Date.now();
  const reply = await askBackground<{ ok: boolean; error: { code: string; message: string } }>(
    popup,
    { type: 'ui/member/resolve', input: SANDBOX.users.ada },
  );
  expect(Date.now() - started).toBeLessThan(2_000);
  expect(reply.error.code).toBe('no_site_access');
  expect(reply.error.message).toMatch(
    /^Session Admin has no access to slack\.com, so nothing was sent to Slack\./,
  );
  expect(fake.requests).toHaveLength(sentBefore);

  // Granted again: Show sessions goes on by itself.
  await onExtensionsPage(extension, 'grantSlackCom');
  await expect(grant).toHaveCount(0);
  await expect(popup.getByRole('table')).toBeVisible();
});
