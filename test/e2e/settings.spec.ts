import { SANDBOX } from '../fake-slack';
import { askBackground, expect, OPTIONS, saveToken, test, WORKSPACE_ADMIN } from './fixtures';

test('an invalid member selector is refused with the browser’s reason and nothing is saved', async ({
  extension,
}) => {
  const options = await extension.page(OPTIONS);
  const field = options.getByLabel('Extra member selectors');
  await field.fill('.custom-member\ndiv[');
  await options.getByRole('button', { name: 'Save selectors' }).click();

  const alert = options.getByRole('alert').filter({ hasText: 'Line 2' });
  await expect(alert).toContainText('Line 2: `div[` is not a valid CSS selector:');
  // The browser's own words follow, not a made-up sentence.
  await expect(alert).toContainText(/not a valid selector/i);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(options.getByRole('status')).not.toContainText('saved');

  const saved = await askBackground<{ value: { extraMemberSelectors: string[] } }>(options, {
    type: 'ui/settings/get',
  });
  expect(saved.value.extraMemberSelectors).toEqual([]);

  // The background refuses one too, even if a page skips the check.
  const direct = await askBackground<{ ok: boolean; error?: { message: string } }>(options, {
    type: 'ui/settings/set',
    preferences: { extraMemberSelectors: ['div['] },
  });
  expect(direct.ok).toBe(false);
  expect(direct.error?.message).toContain('`div[` is not a valid CSS selector');

  await field.fill('.custom-member\ndiv[data-member]');
  await expect(alert).toHaveCount(0);
  await options.getByRole('button', { name: 'Save selectors' }).click();
  await expect(options.getByRole('status')).toContainText('selectors saved');
});

test('with no token saved, Copy app manifest puts the Slack app manifest on the clipboard', async ({
  extension,
}) => {
  const options = await extension.page(OPTIONS);
  const copy = options.getByRole('button', { name: 'Copy app manifest' });
  await copy.click();
  await expect(options.getByRole('status')).toContainText('App manifest copied');
  // The status says it; focus stays where the admin pressed.
  await expect(copy).toBeFocused();

  // An extension page may write the clipboard but not read it back: a Slack page (the fake,
  // granted the read) reads what the browser's clipboard now holds.
  const origin = new URL(WORKSPACE_ADMIN).origin;
  await extension.context.grantPermissions(['clipboard-read'], { origin });
  const reader = await extension.context.newPage();
  await reader.goto(WORKSPACE_ADMIN);
  const copied = JSON.parse(await reader.evaluate(() => navigator.clipboard.readText()));
  await reader.close();
  expect(copied.oauth_config.scopes.user).toEqual([
    'admin.users:write',
    'admin.users:read',
    'users:read.email',
    'users:read',
  ]);
  expect(copied.oauth_config.scopes.bot).toBeUndefined();
  expect(copied.settings.org_deploy_enabled).toBe(true);
  expect(copied.display_information.name).toBeTruthy();

  const create = options.getByRole('link', { name: 'Create an app → From a manifest' });
  await expect(create).toHaveAttribute('href', 'https://api.slack.com/apps?new_app=1');
  await expect(options.getByRole('listitem').filter({ hasText: 'Org Owner' })).toBeVisible();
  await expect(options.getByRole('listitem').filter({ hasText: 'User OAuth Token' })).toBeVisible();
  await expect(
    options.getByRole('listitem').filter({ hasText: 'Paste it in Admin token' }),
  ).toBeVisible();

  // Once a token is saved, the first-run help goes away.
  await saveToken(options, SANDBOX.tokens.admin);
  await expect(options.getByRole('status')).toContainText(SANDBOX.enterprise.name);
  await expect(copy).toHaveCount(0);
});
