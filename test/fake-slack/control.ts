// /_fake/…: the same controls as the in-process API, for tests running in other processes
// (Playwright workers, the demo, the benchmark), plus the admin pages' assets and data.
// Never recorded as API requests, answered on any host.

import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkFault } from './faults';
import { PEOPLE_DATA_PATH, peopleData } from './pages/people';
import { activeSessionRefs, type PlantSpec } from './sessions';
import type { FakeState } from './state';
import type { FakeConfig, TokenSpec } from './types';
import { readBody, sendJson, sendText } from './wire';

// Read once: the assets never change while the process runs.
const ASSETS: Record<string, [contentType: string, text: string]> = {
  '/_fake/admin.js': [
    'text/javascript; charset=utf-8',
    readFileSync(new URL('./pages/admin.js', import.meta.url), 'utf8'),
  ],
  '/_fake/admin.css': [
    'text/css; charset=utf-8',
    readFileSync(new URL('./pages/admin.css', import.meta.url), 'utf8'),
  ],
};

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req);
  if (text.trim() === '') return {};
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('expected a JSON object');
  return parsed as Record<string, unknown>;
}

type Handler = (state: FakeState, body: Record<string, unknown>, url: URL) => unknown;

const GET: Record<string, Handler> = {
  '/_fake/health': () => ({ ok: true }),
  '/_fake/requests': (state, _body, url) => {
    const method = url.searchParams.get('method');
    return method ? state.requests.filter((r) => r.method === method) : state.requests;
  },
  '/_fake/sessions': (state, _body, url) => {
    const user = url.searchParams.get('user');
    const sessions = user
      ? state.org.sessions.filter((s) => s.user_id === user)
      : state.org.sessions;
    return sessions;
  },
  // IDs as strings: a JSON.parse on the other side would round those past 2^53.
  '/_fake/sessions/active': (state) => activeSessionRefs(state.org),
  [PEOPLE_DATA_PATH]: (state) => peopleData(state.org),
};

const POST: Record<string, Handler> = {
  '/_fake/reset': (state) => {
    state.reset();
    return { ok: true };
  },
  '/_fake/fault': (state, body) => {
    if (typeof body.method !== 'string' || body.method === '')
      throw new Error('method is required');
    const times = body.times === undefined ? 1 : Number(body.times);
    state.faults.inject(body.method, checkFault(body.fault), times);
    return { ok: true };
  },
  '/_fake/rate-limit': (state, body) => {
    if (typeof body.method !== 'string' || body.method === '')
      throw new Error('method is required');
    state.limits.set(body.method, Number(body.limit), Number(body.windowMs));
    return { ok: true };
  },
  '/_fake/rate-limit/clear': (state) => {
    state.limits.clear();
    return { ok: true };
  },
  '/_fake/config': (state, body) => {
    const patch: Partial<FakeConfig> = {};
    if (body.sessionPageSize !== undefined) patch.sessionPageSize = Number(body.sessionPageSize);
    if (body.bulkDelayMs !== undefined) patch.bulkDelayMs = Number(body.bulkDelayMs);
    if (body.bulkSemantics !== undefined)
      patch.bulkSemantics = body.bulkSemantics as FakeConfig['bulkSemantics'];
    state.configure(patch);
    return { ok: true, config: state.config };
  },
  '/_fake/sessions/plant': (state, body) => ({
    ok: true,
    sessionIds: state.plantSessions(body.sessions as PlantSpec[]),
  }),
  '/_fake/token': (state, body) => {
    state.addToken(body as unknown as TokenSpec);
    return { ok: true };
  },
  '/_fake/bulk/flush': (state) => {
    state.flushJobs();
    return { ok: true };
  },
};

export async function handleControl(
  state: FakeState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const asset = ASSETS[url.pathname];
  if (asset && (req.method === 'GET' || req.method === 'HEAD')) {
    sendText(res, 200, asset[0], asset[1], { 'cache-control': 'no-cache' });
    return;
  }
  const table = req.method === 'GET' ? GET : req.method === 'POST' ? POST : undefined;
  const handler = table?.[url.pathname];
  if (!handler) {
    sendJson(res, 404, { ok: false, error: `no control endpoint ${req.method} ${url.pathname}` });
    return;
  }
  try {
    const body = req.method === 'POST' ? await jsonBody(req) : {};
    sendJson(res, 200, handler(state, body, url));
  } catch (error) {
    sendJson(res, 400, {
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
