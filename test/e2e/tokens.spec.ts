import { SANDBOX } from '../fake-slack';
import { evaluateInContentWorld } from './content-world';
import {
  activeTokenId,
  askBackground,
  expect,
  OPTIONS,
  openWorkspaceAdmin,
  optionsWithAdminToken,
  POPUP,
  savedTokenCount,
  saveToken,
  test,
} from './fixtures';

const PASSPHRASE = 'correct horse battery staple';

test('saving a valid token names the org and the admin, and clears the field', async ({
  extension,
}) => {
  const options = await extension.page(OPTIONS);
  await saveToken(options, SANDBOX.tokens.admin);
  const status = options.getByRole('status');
  await expect(status).toContainText(SANDBOX.enterprise.name);
  await expect(status).toContainText('riley.admin');
  await expect(options.getByLabel('Admin token')).toHaveValue('');
  await expect(options.getByRole('group', { name: /Acme Sandbox Org/ })).toContainText(
    'xoxp-…0001',
  );
});

test('rejected tokens each get their own sentence and nothing is stored', async ({
  extension,
  fake,
}) => {
  const options = await extension.page(OPTIONS);
  const alert = options.getByRole('alert');
  const cases = [
    {
      token: 'xoxp-0000000000-not-a-real-token',
      expected: /not valid|save a new token|could not be verified/i,
    },
    { token: SANDBOX.tokens.bot, expected: /bot token/i },
    { token: SANDBOX.tokens.noScope, expected: /admin\.users:write/ },
  ];
  const seen = new Set<string>();
  for (const { token, expected } of cases) {
    await saveToken(options, token);
    await expect(alert).toHaveText(expected);
    const sentence = (await alert.textContent()) ?? '';
    expect(sentence).toMatch(/\.$/);
    seen.add(sentence);
    expect(await savedTokenCount(options)).toBe(0);
  }
  expect(seen.size).toBe(cases.length);
  // The bot token is refused by its shape, before any request; the others after auth.test.
  expect(fake.requestsFor('auth.test').map((r) => r.token)).toEqual([
    cases[0]!.token,
    SANDBOX.tokens.noScope,
  ]);
  const stored = await extension.worker.evaluate(() => chrome.storage.local.get(null));
  expect(stored['vault.tokens'] ?? []).toEqual([]);
});

test('a token with broad or missing read scopes is saved with warnings that say what is lost', async ({
  extension,
}) => {
  const options = await extension.page(OPTIONS);
  await saveToken(options, SANDBOX.tokens.manyScopes);
  await expect(options.getByRole('status')).toContainText(/scopes this extension does not use/);
  await saveToken(options, SANDBOX.tokens.noEmail);
  await expect(options.getByRole('status')).toContainText(/lacks users:read\.email.*e-mail/);
});

for (const mode of ['device', 'session', 'passphrase'] as const) {
  test(`a token kept "${mode}" appears nowhere a page, a content script, a log or an export can see`, async ({
    extension,
    fake,
  }) => {
    const token = SANDBOX.tokens.admin;
    const options = await extension.page(OPTIONS);
    await saveToken(options, token, mode, mode === 'passphrase' ? PASSPHRASE : undefined);
    await expect(options.getByRole('status')).toContainText(SANDBOX.enterprise.name);

    // An action, so Activity and its export have something in them.
    const reply = await askBackground(options, {
      type: 'ui/sessions/reset',
      tokenId: await activeTokenId(options),
      userId: SANDBOX.users.ada,
      scope: 'web',
      source: 'popup',
      reason: 'INC-4711',
    });
    expect(reply).toMatchObject({ ok: true });
    expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(1);

    const admin = await openWorkspaceAdmin(extension);
    const dom = await admin.evaluate(() => document.documentElement.outerHTML);
    expect(dom).not.toContain(token);

    const world = await evaluateInContentWorld<{ local: string; sync: string; session: string }>(
      admin,
      extension.extensionId,
      `(async () => {
        const local = JSON.stringify(await chrome.storage.local.get(null));
        const sync = JSON.stringify(await chrome.storage.sync.get(null));
        let session;
        try {
          session = chrome.storage.session ? JSON.stringify(await chrome.storage.session.get(null)) : 'unavailable';
        } catch (error) {
          session = 'refused: ' + String(error && error.message);
        }
        return { local, sync, session };
      })()`,
    );
    expect(world.local).not.toContain(token);
    expect(world.sync).not.toContain(token);
    expect(world.session).toMatch(/^(unavailable|refused)/);
    if (mode === 'passphrase') expect(world.local).not.toContain(PASSPHRASE);

    const popup = await extension.page(POPUP);
    await expect(popup.getByLabel('User')).toBeEnabled();
    expect(await popup.content()).not.toContain(token);
    await options.reload();
    await expect(options.getByRole('heading', { name: 'Activity' })).toBeVisible();
    await expect(options.getByRole('table')).toContainText('INC-4711');
    expect(await options.content()).not.toContain(token);

    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await (await download).createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    });
    expect(csv).toContain('INC-4711');
    expect(csv).not.toContain(token);
    expect(extension.workerLog.join('\n')).not.toContain(token);
  });
}

test('a passphrase-locked token asks to be unlocked, refuses a wrong passphrase, then works', async ({
  extension,
  fake,
}) => {
  const options = await extension.page(OPTIONS);
  await saveToken(options, SANDBOX.tokens.admin, 'passphrase', PASSPHRASE);
  await expect(options.getByRole('status')).toContainText(SANDBOX.enterprise.name);
  await options.getByRole('button', { name: 'Lock' }).click();
  await expect(options.getByText('Locked', { exact: true })).toBeVisible();

  const reply = await askBackground<{ ok: boolean; error: { code: string; message: string } }>(
    options,
    {
      type: 'ui/sessions/reset',
      tokenId: await activeTokenId(options),
      userId: SANDBOX.users.ada,
      scope: 'all',
      source: 'popup',
    },
  );
  expect(reply.error.code).toBe('locked');
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(0);

  await options.getByLabel(`Passphrase for ${SANDBOX.enterprise.name}`).fill('not the passphrase');
  await options.getByRole('button', { name: 'Unlock' }).click();
  await expect(options.getByRole('alert')).toContainText('not the one this token was locked with');
  await options.getByLabel(`Passphrase for ${SANDBOX.enterprise.name}`).fill(PASSPHRASE);
  await options.getByRole('button', { name: 'Unlock' }).click();
  await expect(options.getByRole('status')).toContainText('unlocked');
  const after = await askBackground(options, {
    type: 'ui/sessions/reset',
    tokenId: await activeTokenId(options),
    userId: SANDBOX.users.ada,
    scope: 'all',
    source: 'popup',
  });
  expect(after).toMatchObject({ ok: true });
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(1);
});

test('removing a token forgets it and everything derived from it except Activity', async ({
  extension,
}) => {
  const options = await extension.page(OPTIONS);
  await saveToken(options, SANDBOX.tokens.admin, 'session');
  await expect(options.getByRole('status')).toContainText(SANDBOX.enterprise.name);
  await askBackground(options, {
    type: 'ui/sessions/reset',
    tokenId: await activeTokenId(options),
    userId: SANDBOX.users.ada,
    scope: 'all',
    source: 'popup',
  });
  await options.getByRole('button', { name: 'Remove token' }).click();
  await options.getByRole('button', { name: 'Confirm remove' }).click();
  await expect(options.getByRole('status')).toContainText('removed');
  expect(await savedTokenCount(options)).toBe(0);
  const left = await extension.worker.evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    session: await chrome.storage.session.get(null),
  }));
  expect(Object.keys(left.local).filter((k) => k.startsWith('vault'))).toEqual([]);
  expect(Object.keys(left.session).filter((k) => k.startsWith('vault.'))).toEqual([]);
  // The vault's own records, in the extension's IndexedDB, keep nothing of it either.
  const records = await options.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('session-admin');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const request = db.transaction('vault').objectStore('vault').get('records');
    return new Promise<unknown>((resolve) => {
      request.onsuccess = () => resolve(request.result);
    });
  });
  expect(records).toMatchObject({ tokens: [] });
  await expect(options.getByRole('table')).toContainText('Ada Lovelace');
});

test('each saved org keeps its own token and Slack host; the popup switches between them', async ({
  extension,
  fake,
}) => {
  const options = await optionsWithAdminToken(extension);
  await options.getByLabel('Admin token').fill(SANDBOX.tokens.gov);
  await options.getByLabel('Slack environment').selectOption('gov');
  await options.getByRole('button', { name: 'Save token' }).click();
  await expect(options.getByRole('status')).toContainText(SANDBOX.enterprise.name);
  await expect(options.getByRole('group', { name: SANDBOX.enterprise.name })).toHaveCount(2);

  const popup = await extension.page(POPUP);
  const org = popup.getByLabel('Org');
  await expect(org.getByRole('option')).toHaveCount(2);
  await expect(popup.getByText(/Acting as/)).toBeVisible();
  const resetVia = async () => {
    await popup.getByLabel('User').fill(SANDBOX.users.ada);
    await popup.getByRole('button', { name: 'Reset sessions' }).click();
    await popup.getByRole('button', { name: 'Confirm reset' }).click();
    await expect(popup.getByRole('status')).toContainText('Ada Lovelace');
  };
  await resetVia();
  expect(fake.requestsFor('admin.users.session.reset').map((r) => [r.host, r.token])).toEqual([
    ['slack-gov.com', SANDBOX.tokens.gov],
  ]);
  const commercial = await org
    .getByRole('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  for (const value of commercial) {
    if (value !== (await org.inputValue())) {
      await org.selectOption(value);
      break;
    }
  }
  await resetVia();
  expect(fake.requestsFor('admin.users.session.reset').map((r) => [r.host, r.token])).toEqual([
    ['slack-gov.com', SANDBOX.tokens.gov],
    ['slack.com', SANDBOX.tokens.admin],
  ]);
  // Activity tells the two apart: each entry's Org names its Slack (newest first).
  await options.reload();
  const orgOf = (row: number) =>
    options.getByRole('table').getByRole('row').nth(row).getByRole('cell').nth(1);
  await expect(orgOf(1)).toHaveText(`${SANDBOX.enterprise.name}Slack`);
  await expect(orgOf(2)).toHaveText(`${SANDBOX.enterprise.name}GovSlack`);
});
