import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsedFail, parsedOk } from '../../shared/parsed';
import type { Reply } from '../messaging/reply';
import { count, object, optional } from '../messaging/schema';
import { ActionError } from './errors';
import {
  createRouter,
  type HandlerContext,
  joinRoutes,
  type Routes,
  routesFor,
  senderKindFor,
} from './router';
import type { MessageSender } from './sender';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}`;
const IDENTITY = { id: OWN_ID, origin: OWN_ORIGIN };
const SECRET = 'xoxp-1111111111-2222222222-3333333333-0123456789abcdefSECRET';

const POPUP: MessageSender = {
  id: OWN_ID,
  origin: OWN_ORIGIN,
  url: `${OWN_ORIGIN}/src/popup/index.html`,
};

const ADMIN_PAGE: MessageSender = {
  id: OWN_ID,
  origin: 'https://acme.slack.com',
  url: 'https://acme.slack.com/admin',
  tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
  frameId: 0,
};

const WEB_PAGE: MessageSender = {
  ...ADMIN_PAGE,
  origin: 'https://evil.example',
  url: 'https://evil.example/admin',
};

const OTHER_EXTENSION: MessageSender = {
  id: 'ponmlkjihgfedcbaponmlkjihgfedcba',
  origin: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba',
};

function setup() {
  const uiOnly = vi.fn(async (payload: { limit?: number }, _context: HandlerContext) => ({
    tokens: [],
    echoed: payload.limit,
  }));
  const pageAsk = vi.fn(async () => ({ opened: true }));
  const throwsAction = vi.fn(async () => {
    throw new ActionError('missing_scope', 'This token lacks admin.users:write.', {
      needed: 'admin.users:write',
    });
  });
  const throwsUnknown = vi.fn(async () => {
    throw new Error(`fetch failed for token ${SECRET}`);
  });
  const anything = (raw: unknown) => parsedOk(raw);
  const routes: Routes = {
    'ui/activity/list': {
      from: 'extension-page',
      parse: object({ limit: optional(count(1, 100)) }),
      handle: uiOnly,
    },
    'content/reset/ask': {
      from: 'admin-content-script',
      parse: (raw) =>
        (raw as { userId?: unknown }).userId === 'U0123ABCD'
          ? parsedOk(raw)
          : parsedFail('That user ID is not valid.'),
      handle: pageAsk,
    },
    'ui/sessions/reset': { from: 'extension-page', parse: anything, handle: throwsAction },
    'ui/sessions/list': { from: 'extension-page', parse: anything, handle: throwsUnknown },
  };
  const route = createRouter(routes, IDENTITY);
  return { route, uiOnly, pageAsk, throwsAction, throwsUnknown };
}

function expectRefused(reply: Reply<unknown>) {
  expect(reply.ok).toBe(false);
  if (reply.ok) return;
  expect(reply.error.code).toBe('refused');
  expect(reply.error.message).toMatch(/^[A-Z].+\.$/);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createRouter', () => {
  it('answers an allowed request with { ok: true, value }', async () => {
    const { route, uiOnly } = setup();
    const reply = await route({ type: 'ui/activity/list', limit: 5 }, POPUP);
    expect(reply).toEqual({ ok: true, value: { tokens: [], echoed: 5 } });
    expect(uiOnly).toHaveBeenCalledTimes(1);
    expect(uiOnly.mock.calls[0]?.[1]).toMatchObject({ kind: 'extension-page' });
  });

  it("hands the handler what the request's parser read, not the raw message", async () => {
    const { route, uiOnly } = setup();
    await route({ type: 'ui/activity/list', limit: 500, extra: 'ignored' }, POPUP);
    expect(uiOnly.mock.calls[0]?.[0]).toEqual({ limit: 100 });
  });

  it('answers a payload its parser refuses with the sentence, and calls no handler', async () => {
    const { route, pageAsk } = setup();
    const reply = await route({ type: 'content/reset/ask', userId: 'U0BAD' }, ADMIN_PAGE);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'That user ID is not valid.' },
    });
    expect(pageAsk).not.toHaveBeenCalled();
  });

  it('passes the content script its tab and browser-given origin', async () => {
    const { route, pageAsk } = setup();
    const reply = await route({ type: 'content/reset/ask', userId: 'U0123ABCD' }, ADMIN_PAGE);
    expect(reply).toEqual({ ok: true, value: { opened: true } });
    expect(pageAsk).toHaveBeenCalledWith(
      expect.objectContaining({ userId: 'U0123ABCD' }),
      expect.objectContaining({
        kind: 'admin-content-script',
        tabId: 7,
        origin: 'https://acme.slack.com',
      }),
    );
  });

  it.each([
    ['an unknown type', { type: 'ui/tokens/reveal' }],
    ['an inherited property name', { type: 'toString' }],
    ['__proto__', { type: '__proto__' }],
    ['constructor', { type: 'constructor' }],
    ['hasOwnProperty', { type: 'hasOwnProperty' }],
    ['a missing type', { userId: 'U0123ABCD' }],
    ['a non-string type', { type: 42 }],
  ])('refuses %s without calling any handler', async (_name, message) => {
    const { route, uiOnly, pageAsk, throwsAction, throwsUnknown } = setup();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expectRefused(await route(message, POPUP));
    for (const handler of [uiOnly, pageAsk, throwsAction, throwsUnknown])
      expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'ui/activity/list'],
    ['a number', 7],
    ['an array', ['ui/activity/list']],
    ['an empty array', []],
  ])('refuses %s as a message', async (_name, message) => {
    const { route, uiOnly } = setup();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expectRefused(await route(message, POPUP));
    expect(uiOnly).not.toHaveBeenCalled();
  });

  it('refuses an extension-page-only request from an admin content script', async () => {
    const { route, uiOnly } = setup();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expectRefused(await route({ type: 'ui/activity/list' }, ADMIN_PAGE));
    expect(uiOnly).not.toHaveBeenCalled();
  });

  it.each([
    ['a web page', WEB_PAGE],
    ['another extension', OTHER_EXTENSION],
    ['a sub-frame of an admin page', { ...ADMIN_PAGE, frameId: 2 }],
  ])('refuses every request from %s', async (_name, sender) => {
    const { route, uiOnly, pageAsk } = setup();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expectRefused(await route({ type: 'ui/activity/list' }, sender));
    expectRefused(await route({ type: 'content/reset/ask', userId: 'U0123ABCD' }, sender));
    expect(uiOnly).not.toHaveBeenCalled();
    expect(pageAsk).not.toHaveBeenCalled();
  });

  it("returns an ActionError's code, sentence and extra fields", async () => {
    const { route, throwsAction } = setup();
    const reply = await route({ type: 'ui/sessions/reset', userId: 'U0123ABCD' }, POPUP);
    expect(throwsAction).toHaveBeenCalledTimes(1);
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'missing_scope',
        message: 'This token lacks admin.users:write.',
        needed: 'admin.users:write',
      },
    });
  });

  it('turns an unexpected error into "internal" with no stack and no secret', async () => {
    const { route, throwsUnknown } = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const reply = await route({ type: 'ui/sessions/list', userId: 'U0123ABCD' }, POPUP);
    expect(throwsUnknown).toHaveBeenCalledTimes(1);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('internal');
    expect(reply.error.message).toMatch(/^[A-Z].+\.$/);
    const text = JSON.stringify(reply);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('fetch failed');
    expect(text).not.toMatch(/\bat .+:\d+:\d+/);
    expect(text).not.toContain('router.test');
    // Nor does the secret reach the console.
    const logged = JSON.stringify([...warn.mock.calls, ...error.mock.calls, ...log.mock.calls]);
    expect(logged).not.toContain('SECRET');
  });

  it('does not log the payload of a refused message', async () => {
    const { route } = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await route({ type: 'ui/tokens/save', token: SECRET }, WEB_PAGE);
    expect(JSON.stringify(warn.mock.calls)).not.toContain('SECRET');
  });
});

describe('who may send what', () => {
  it('is said by the type: ui/ from extension pages, content/ from admin-page scripts', () => {
    expect(senderKindFor('ui/tokens/list')).toBe('extension-page');
    expect(senderKindFor('content/reset/ask')).toBe('admin-content-script');
    const route = routesFor(
      { 'ui/a': { parse: parsedOk }, 'content/b': { parse: parsedOk } },
      { 'ui/a': async () => 1, 'content/b': async () => 2 },
    );
    expect([route['ui/a']?.from, route['content/b']?.from]).toEqual([
      'extension-page',
      'admin-content-script',
    ]);
  });

  it('has no route for a type that does not say who sends it: it does not compile', () => {
    const spec = { parse: (raw: unknown) => parsedOk(raw) };
    // @ts-expect-error A type that names no sender is refused by the compiler.
    routesFor({ 'tokens/list': spec }, { 'tokens/list': async () => 1 });
  });
});

describe('the route table', () => {
  it('refuses a request type two capabilities both claim', () => {
    const route = { from: 'extension-page' as const, parse: parsedOk, handle: async () => 1 };
    expect(() => joinRoutes({ 'ui/a': route }, { 'ui/b': route, 'ui/a': route })).toThrow(
      '"ui/a" has two handlers.',
    );
    expect(Object.keys(joinRoutes({ 'ui/a': route }, { 'ui/b': route }))).toEqual(['ui/a', 'ui/b']);
  });

  it('answers a parser that throws with a sentence, not silence', async () => {
    const route = createRouter(
      {
        'ui/a': {
          from: 'extension-page',
          parse: () => {
            throw new Error('parser broke');
          },
          handle: async () => 1,
        },
      },
      IDENTITY,
    );
    const reply = await route({ type: 'ui/a' }, POPUP);
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
