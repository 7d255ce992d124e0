import { readFileSync } from 'node:fs';
import type { UiRequestType } from '../../src/protocol';
import { UI_REQUESTS } from '../../src/protocol/requests';
import { SANDBOX } from '../fake-slack';
import { evaluateInContentWorld } from './content-world';
import {
  askBackground,
  expect,
  openWorkspaceAdmin,
  optionsWithAdminToken,
  test,
  WORKSPACE_ADMIN,
} from './fixtures';

/** Every `ui/…` request the background serves: each is sent from places that must be refused. */
const UI_REQUEST_TYPES = Object.keys(UI_REQUESTS) as UiRequestType[];

test('a web page has no way to reach the background', async ({ extension, fake }) => {
  const manifest = JSON.parse(readFileSync('dist/manifest.json', 'utf8'));
  expect(manifest.externally_connectable).toBeUndefined();
  expect(manifest.web_accessible_resources ?? []).toEqual([]);

  // Without externally_connectable Chromium gives web pages no chrome.runtime messaging at all:
  // not on an admin page where the content script runs, nor on any other page.
  for (const url of [WORKSPACE_ADMIN, `${fake.origin}/`]) {
    const page = await extension.context.newPage();
    await page.goto(url);
    const runtime = await page.evaluate(() => {
      const chrome = (globalThis as { chrome?: { runtime?: Record<string, unknown> } }).chrome;
      return {
        runtime: typeof chrome?.runtime,
        sendMessage: typeof chrome?.runtime?.sendMessage,
        connect: typeof chrome?.runtime?.connect,
      };
    });
    expect(runtime, url).toEqual({
      runtime: 'undefined',
      sendMessage: 'undefined',
      connect: 'undefined',
    });
    await page.close();
  }
  expect(fake.requests).toEqual([]);
});

test('the content script may send no UI request: each is refused and nothing changes', async ({
  extension,
  fake,
}) => {
  const options = await optionsWithAdminToken(extension);
  const tokens = await askBackground<{ value: { tokens: { id: string }[]; activeId?: string } }>(
    options,
    { type: 'ui/tokens/list' },
  );
  const tokenId = tokens.value.tokens[0]!.id;
  const ada = SANDBOX.users.ada;
  const adaSessions = fake.sessionsOf(ada).map((s) => String(s.session_id));
  fake.requests.length = 0;

  // What a compromised admin page speaking as the content script would ask for, each with a
  // payload that would do harm if it were served.
  const payloads = {
    'ui/tokens/list': {},
    'ui/tokens/save': {
      token: SANDBOX.tokens.manyScopes,
      mode: 'session',
      environment: 'commercial',
    },
    'ui/tokens/remove': { tokenId },
    'ui/tokens/activate': { tokenId },
    'ui/tokens/unlock': { tokenId, passphrase: 'guess' },
    'ui/tokens/lock': { tokenId },
    'ui/member/resolve': { input: ada },
    'ui/sessions/reset': { userId: ada, tokenId, scope: 'all', source: 'popup' },
    'ui/sessions/check': { userId: ada, tokenId, scope: 'all' },
    'ui/sessions/list': { userId: ada, tokenId },
    'ui/session-policy/get': { userId: ada, tokenId },
    'ui/session-policy/apply': { userId: ada, tokenId, duration: 28800, signOutOnClose: true },
    'ui/session-policy/clear': { userId: ada, tokenId },
    'ui/sessions/invalidate': {
      userId: ada,
      tokenId,
      sessionId: adaSessions[0],
      teamId: SANDBOX.teams.eng.id,
    },
    'ui/activity/list': {},
    'ui/activity/export-csv': {},
    'ui/settings/get': {},
    'ui/settings/set': { preferences: { confirmBeforeReset: false } },
    'ui/settings/policy': {},
    'ui/confirmation/get': { id: 'x' },
    'ui/confirmation/choose-org': { id: 'x', tokenId, remember: true },
    'ui/confirmation/answer': { id: 'x', confirmed: true, scope: 'all' },
    'ui/confirmation/retry-failed': { id: 'x' },
    'ui/bulk/start': { input: ada, scope: 'all', tokenId, oneByOne: true },
    'ui/bulk/jobs': {},
    'ui/bulk/job': { jobId: 'x' },
    'ui/bulk/cancel': { jobId: 'x' },
    'ui/bulk/resume': { jobId: 'x', tokenId },
    'ui/bulk/export-csv': { jobId: 'x' },
    'ui/bulk/prefill': { id: 'x' },
    'ui/session-search/page': { tokenId },
    'ui/session-search/invalidate': {
      tokenId,
      sessions: [{ sessionId: adaSessions[0], teamId: SANDBOX.teams.eng.id, userId: ada }],
    },
    'ui/session-search/reset': { tokenId, userIds: [ada] },
    'ui/session-search/names': { tokenId, userIds: [ada] },
  } satisfies Record<UiRequestType, Record<string, unknown>>;
  const messages = UI_REQUEST_TYPES.map((type) => ({ ...payloads[type], type }));

  const admin = await openWorkspaceAdmin(extension);
  const pagesBefore = extension.context.pages().length;
  const replies = await evaluateInContentWorld<unknown[]>(
    admin,
    extension.extensionId,
    `Promise.all(${JSON.stringify(messages)}.map((m) => chrome.runtime.sendMessage(m)))`,
  );
  expect(replies).toHaveLength(UI_REQUEST_TYPES.length);
  UI_REQUEST_TYPES.forEach((type, i) => {
    expect(replies[i], type).toMatchObject({ ok: false, error: { code: 'refused' } });
  });
  // The router says so as it refuses, before any handler runs.
  await expect
    .poll(() =>
      UI_REQUEST_TYPES.filter(
        (type) =>
          !extension.workerConsole.includes(
            `Refused a "${type}" message from a admin-content-script sender.`,
          ),
      ),
    )
    .toEqual([]);

  // Above all, the confirmation a right-click asks for is still on.
  const settings = await askBackground<{ ok: boolean; value: { confirmBeforeReset: boolean } }>(
    options,
    { type: 'ui/settings/get' },
  );
  expect(settings).toMatchObject({ ok: true, value: { confirmBeforeReset: true } });
  const after = await askBackground<{ value: { tokens: { id: string; locked: boolean }[] } }>(
    options,
    { type: 'ui/tokens/list' },
  );
  expect(after.value.tokens.map((t) => [t.id, t.locked])).toEqual([[tokenId, false]]);
  expect(fake.requests).toEqual([]);
  expect(fake.sessionsOf(ada).map((s) => String(s.session_id))).toEqual(adaSessions);
  expect(extension.context.pages().length).toBe(pagesBefore);
});
