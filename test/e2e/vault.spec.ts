/**
 * The vault's records are out of every content script's reach, and a token saved by an
 * older version (records in storage.local) still works after the upgrade.
 */
import { SANDBOX } from '../fake-slack';
import { evaluateInContentWorld } from './content-world';
import {
  askBackground,
  expect,
  openWorkspaceAdmin,
  optionsWithAdminToken,
  POPUP,
  restartServiceWorker,
  savedTokenCount,
  test,
} from './fixtures';

test('from the content script world no vault record can be read, and none written counts', async ({
  extension,
}) => {
  const options = await optionsWithAdminToken(extension);
  const admin = await openWorkspaceAdmin(extension);
  const seen = await evaluateInContentWorld<string>(
    admin,
    extension.extensionId,
    `chrome.storage.local.get(null).then((all) => JSON.stringify(all))`,
  );
  expect(seen).not.toContain('vault');
  expect(seen).not.toContain('ciphertext');
  expect(seen).not.toContain(SANDBOX.enterprise.id);

  // What a compromised renderer could plant: an org of its own, made the active one.
  await evaluateInContentWorld(
    admin,
    extension.extensionId,
    `chrome.storage.local.set({
      'vault.tokens': [{ id: 'planted', team: 'Planted Org', teamId: 'E0PLANTED01', userId: 'W0PLANT0001',
        user: 'mallory', url: 'https://planted.enterprise.slack.com/', scopes: ['admin.users:write'],
        environment: 'commercial', mode: 'session', redacted: 'xoxp-…EVIL', savedAt: '2026-01-01T00:00:00Z' }],
      'vault.activeId': 'planted',
    })`,
  );
  // A worker start reads the vault afresh: still only the org the admin saved.
  await restartServiceWorker(extension, options);
  const popup = await extension.page(POPUP);
  await expect(popup.getByText(`in ${SANDBOX.enterprise.name}`)).toBeVisible();
  const list = await askBackground<{ value: { tokens: { team: string; active: boolean }[] } }>(
    popup,
    { type: 'ui/tokens/list' },
  );
  expect(list.value.tokens).toEqual([
    expect.objectContaining({ team: SANDBOX.enterprise.name, active: true }),
  ]);
});

test('a token saved by an older version, in storage.local, still works after the upgrade', async ({
  extension,
  fake,
}) => {
  // What the previous version left: its device key in IndexedDB, its records in storage.local.
  // This browser's profile is new, so the extension's own database (made at install) is put
  // back to that version's first.
  await extension.worker.evaluate(
    async ({ token, enterprise, admin }) => {
      const open = (version: number) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('session-admin', version);
          request.onupgradeneeded = () => {
            const db = request.result;
            db.createObjectStore('keys');
            db.createObjectStore('settings');
            db.createObjectStore('activity', { keyPath: 'seq', autoIncrement: true });
          };
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const deleted = () =>
        new Promise((resolve, reject) => {
          const deletion = indexedDB.deleteDatabase('session-admin');
          deletion.onsuccess = resolve;
          deletion.onerror = () => reject(deletion.error);
        });
      // The install may still be writing to it: delete until the old version's can be made.
      let db: IDBDatabase | undefined;
      for (let attempt = 0; !db; attempt++) {
        await deleted();
        db = await open(2).catch((error) => {
          if (attempt > 20) throw error;
          return new Promise<undefined>((resolve) => setTimeout(resolve, 100));
        });
      }
      const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
        'encrypt',
        'decrypt',
      ]);
      const tx = db.transaction('keys', 'readwrite');
      tx.objectStore('keys').put(key, 'device-key-v1');
      await new Promise((resolve) => {
        tx.oncomplete = resolve;
      });
      db.close();
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = new Uint8Array(
        await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(token)),
      );
      const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
      await chrome.storage.local.set({
        'vault.tokens': [
          {
            id: 'saved-before',
            team: enterprise.name,
            teamId: enterprise.id,
            enterpriseId: enterprise.id,
            url: enterprise.url,
            user: 'riley.admin',
            userId: admin,
            scopes: ['admin.users:write', 'admin.users:read', 'users:read', 'users:read.email'],
            environment: 'commercial',
            mode: 'device',
            redacted: `xoxp-…${token.slice(-4)}`,
            savedAt: '2026-06-01T00:00:00.000Z',
            envelope: { v: 1, kind: 'device', iv: base64(iv), ciphertext: base64(sealed) },
          },
        ],
        'vault.activeId': 'saved-before',
      });
    },
    { token: SANDBOX.tokens.admin, enterprise: SANDBOX.enterprise, admin: SANDBOX.users.admin },
  );

  // The updated version's worker starts with that storage.
  const popup = await extension.page(POPUP);
  await restartServiceWorker(extension, popup);
  await popup.reload();
  await popup.getByLabel('User').fill(SANDBOX.users.ada);
  await popup.getByRole('button', { name: 'Reset sessions' }).click();
  await popup.getByRole('button', { name: 'Confirm reset' }).click();
  await expect(popup.getByRole('status')).toContainText('Ada Lovelace');
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(1);
  expect(await savedTokenCount(popup)).toBe(1);
  const left = await extension.worker.evaluate(() => chrome.storage.local.get(null));
  expect(Object.keys(left).filter((key) => key.startsWith('vault'))).toEqual([]);
});
