// One Web API request, end to end: record it, apply faults, then Slack's checks in Slack's
// order (post type, method, token, rate limit), then the method.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerWithFault } from './faults';
import { acceptedScopes, callMethod, listedUserIds, METHODS, RESET_BULK } from './methods';
import type { FakeState } from './state';
import type { Env, RecordedRequest } from './types';
import { effectiveToken, parseCall, readBody, scopeHeaders, sendJson } from './wire';

export interface ApiTarget {
  host: string;
  url: URL;
  env: Env;
  method: string;
}

export async function handleApi(
  state: FakeState,
  req: IncomingMessage,
  res: ServerResponse,
  { host, url, env, method }: ApiTarget,
): Promise<void> {
  const at = Date.now();
  const httpMethod = req.method ?? 'GET';
  const rawBody = await readBody(req);
  const call = parseCall(httpMethod, url, req.headers, rawBody);

  const record: RecordedRequest = {
    method,
    httpMethod,
    host,
    path: url.pathname,
    contentType: call.contentType,
    params: call.params,
    rawBody,
    status: 0,
    response: null,
    at,
  };
  if (call.authorization !== undefined) record.authorization = call.authorization;
  // What the client sent, even where Slack would ignore it (a token inside a JSON body).
  const sentToken = call.headerToken ?? call.fieldToken;
  if (sentToken !== undefined) record.token = sentToken;
  if (method === RESET_BULK) {
    const listed = listedUserIds(call.params.user_ids);
    if (listed) record.userIds = listed;
  }
  state.requests.push(record);

  const tokenText = effectiveToken(call);
  const candidate = tokenText === undefined ? undefined : state.org.tokens.get(tokenText);
  // A token from the other environment does not exist as far as this one is concerned.
  const token = candidate?.env === env ? candidate : undefined;
  const headers = scopeHeaders(token, acceptedScopes(method));
  const answer = (
    status: number,
    body: Record<string, unknown>,
    extra: Record<string, string> = {},
  ) => {
    record.status = status;
    record.response = body;
    sendJson(res, status, body, { ...headers, ...extra });
  };

  const fault = state.faults.take(method);
  if (fault?.kind === 'delay') {
    if (!(await state.sleep(fault.ms))) return;
  } else if (fault) {
    Object.assign(record, answerWithFault(res, fault, headers));
    return;
  }

  if (call.error) return answer(200, { ok: false, error: call.error });
  if (!METHODS[method])
    return answer(200, { ok: false, error: 'unknown_method', req_method: method });
  if (tokenText === undefined) return answer(200, { ok: false, error: 'not_authed' });
  if (!token) return answer(200, { ok: false, error: 'invalid_auth' });
  const retryAfter = state.limits.hit(method, token.token, Date.now());
  if (retryAfter !== undefined) {
    return answer(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) });
  }
  const result = callMethod(method, {
    org: state.org,
    token,
    params: call.params,
    config: state.config,
    enqueue: (job) => state.enqueue(job),
  });
  answer(200, result);
}
