import { readFileSync } from 'node:fs';
import { SANDBOX } from '../fake-slack';
import { evaluateInContentWorld } from './content-world';
import {
  expect,
  openWorkspaceAdmin,
  optionsWithAdminToken,
  test,
  WORKSPACE_ADMIN,
} from './fixtures';

test('a web page has no way to reach the background', async ({ extension, fake }) => {
  const manifest = JSON.parse(readFileSync('dist/manifest.json', 'utf8'));
  expect(manifest.externally_connectable).toBeUndefined();
  expect(manifest.web_accessible_resources ?? []).toEqual([]);

  const page = await extension.context.newPage();
  await page.goto(WORKSPACE_ADMIN);
  const attempt = await page.evaluate(async (id) => {
    const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
      ?.runtime;
    if (!runtime || typeof runtime.sendMessage !== 'function') return 'no runtime';
    try {
      await (runtime.sendMessage as (id: string, m: unknown) => Promise<unknown>)(id, {
        type: 'ui/tokens/list',
      });
      return 'answered';
    } catch (error) {
      return `refused: ${(error as Error).message}`;
    }
  }, extension.extensionId);
  expect(attempt).not.toBe('answered');
  expect(fake.requests).toEqual([]);
});

test('the content script may not send UI requests, nor ask from a non-admin page', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  fake.requests.length = 0;

  const admin = await openWorkspaceAdmin(extension);
  const forged = await evaluateInContentWorld<unknown[]>(
    admin,
    extension.extensionId,
    `Promise.all([
      chrome.runtime.sendMessage({ type: 'ui/sessions/reset', userId: '${SANDBOX.users.ada}', scope: 'all', source: 'popup' }),
      chrome.runtime.sendMessage({ type: 'ui/tokens/list' }),
      chrome.runtime.sendMessage({ type: 'ui/confirmation/answer', id: 'x', confirmed: true, scope: 'all' }),
    ])`,
  );
  for (const reply of forged)
    expect(reply).toMatchObject({ ok: false, error: { code: 'refused' } });

  // A well-formed content-script request from a page outside the admin origins (where the
  // content script does not run, so only the page itself could try) is never answered.
  const elsewhere = await extension.context.newPage();
  await elsewhere.goto(`${fake.origin}/`);
  const windowsBefore = extension.context.pages().length;
  const fromElsewhere = await elsewhere.evaluate(
    async ({ id, userId }) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
        ?.runtime;
      if (!runtime || typeof runtime.sendMessage !== 'function') return 'no runtime';
      try {
        return await (runtime.sendMessage as (id: string, m: unknown) => Promise<unknown>)(id, {
          type: 'content/reset/ask',
          userId,
        });
      } catch (error) {
        return `refused: ${(error as Error).message}`;
      }
    },
    { id: extension.extensionId, userId: SANDBOX.users.ada },
  );
  expect(fromElsewhere === 'no runtime' || String(fromElsewhere).startsWith('refused')).toBe(true);
  await elsewhere.waitForTimeout(300);
  expect(extension.context.pages().length).toBe(windowsBefore);
  expect(fake.requests).toEqual([]);
  expect(fake.sessionsOf(SANDBOX.users.ada).length).toBeGreaterThan(0);
});
