// Slack's wire format: how arguments arrive (query, form, multipart, JSON), where the token
// comes from, and how answers leave (JSON, scope headers, 429s).

import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { TokenSpec } from './types';

/** A request body reduced to what the methods need, or the wire-level error Slack would give. */
export interface ParsedCall {
  params: Record<string, string>;
  rawBody: string;
  contentType: string;
  isJson: boolean;
  authorization?: string;
  headerToken?: string;
  fieldToken?: string;
  /** missing_post_type, invalid_post_type, invalid_charset, invalid_json, json_not_object, invalid_form_data */
  error?: string;
}

const MAX_BODY = 8 * 1024 * 1024;

/** Reads the whole body; oversized bodies are cut (the fake never needs more). */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** JSON values become strings the way Slack's form encoding would carry them. */
export function flatten(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function formParams(text: string, into: Record<string, string>): void {
  for (const [key, value] of new URLSearchParams(text)) into[key] = value;
}

/** Text fields of a multipart body (what `fetch` sends for a FormData); files are not needed. */
function multipartParams(body: string, boundary: string, into: Record<string, string>): boolean {
  const parts = body.split(`--${boundary}`);
  if (parts.length < 2) return false;
  for (const part of parts.slice(1)) {
    if (part.startsWith('--')) break;
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const name = /name="([^"]*)"/i.exec(part.slice(0, split))?.[1];
    if (name !== undefined) into[name] = part.slice(split + 4).replace(/\r\n$/, '');
  }
  return true;
}

function bearer(authorization: string | undefined): string | undefined {
  const match = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return match?.[1];
}

/** Fills `params` from a body of the given Content-Type; returns Slack's error code if it cannot. */
function parseBody(
  contentType: string,
  rawBody: string,
  params: Record<string, string>,
): string | undefined {
  if (contentType === '') return 'missing_post_type';
  const [mime = '', ...attrs] = contentType.split(';').map((s) => s.trim());
  const attr = (name: string) =>
    attrs
      .find((a) => a.toLowerCase().startsWith(`${name}=`))
      ?.slice(name.length + 1)
      .replace(/"/g, '');
  const charset = attr('charset')?.toLowerCase();
  if (charset && !['utf-8', 'utf8', 'iso-8859-1'].includes(charset)) return 'invalid_charset';
  switch (mime.toLowerCase()) {
    case 'application/x-www-form-urlencoded':
    case 'text/plain':
      formParams(rawBody, params);
      return undefined;
    case 'multipart/form-data': {
      const boundary = attr('boundary');
      return boundary && multipartParams(rawBody, boundary, params)
        ? undefined
        : 'invalid_form_data';
    }
    case 'application/json': {
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawBody);
      } catch {
        return 'invalid_json';
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return 'json_not_object';
      for (const [key, value] of Object.entries(parsed)) params[key] = flatten(value);
      return undefined;
    }
    default:
      return 'invalid_post_type';
  }
}

/** Applies Slack's content-type rules and merges query + body fields (Slack accepts a mix). */
export function parseCall(
  httpMethod: string,
  url: URL,
  headers: IncomingHttpHeaders,
  rawBody: string,
): ParsedCall {
  const contentType = headers['content-type'] ?? '';
  const params: Record<string, string> = {};
  for (const [key, value] of url.searchParams) params[key] = value;
  const call: ParsedCall = { params, rawBody, contentType, isJson: false };
  if (headers.authorization !== undefined) {
    call.authorization = headers.authorization;
    const token = bearer(headers.authorization);
    if (token) call.headerToken = token;
  }
  if (httpMethod !== 'GET' && httpMethod !== 'HEAD' && rawBody.length > 0) {
    call.isJson = /^application\/json\s*(;|$)/i.test(contentType);
    const error = parseBody(contentType, rawBody, params);
    if (error) call.error = error;
  }
  if (params.token) call.fieldToken = params.token;
  return call;
}

/** The token Slack would use: a JSON body must carry it in the Authorization header. */
export function effectiveToken(call: ParsedCall): string | undefined {
  return call.isJson ? call.headerToken : (call.headerToken ?? call.fieldToken);
}

/** `x-oauth-scopes` for a known token, `x-accepted-oauth-scopes` for a known method. */
export function scopeHeaders(
  token: TokenSpec | undefined,
  accepted: string[] | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (token) headers['x-oauth-scopes'] = token.scopes.join(', ');
  if (accepted) headers['x-accepted-oauth-scopes'] = accepted.join(', ');
  return headers;
}

let requestCounter = 0;

const BIG_NUMBER = '\u0000bigint:';

/**
 * JSON.stringify, except that a bigint is written as the bare JSON number it is, every digit
 * kept (JSON.stringify refuses bigints, and a Number would round IDs past 2^53).
 */
export function toJsonText(body: unknown): string {
  const text = JSON.stringify(body, (_key, value: unknown) =>
    typeof value === 'bigint' ? `${BIG_NUMBER}${value}` : value,
  );
  // The marker starts with U+0000, which JSON.stringify always escapes as \u0000.
  return text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1');
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = toJsonText(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'private, no-cache, no-store, must-revalidate',
    // Slack answers API calls from any origin; handy when a page (not the worker) calls it.
    'access-control-allow-origin': '*',
    'x-slack-req-id': `fake${(++requestCounter).toString(16).padStart(12, '0')}`,
    ...headers,
  });
  res.end(text);
}

export function sendText(
  res: ServerResponse,
  status: number,
  contentType: string,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Slack's own shape for a missing or bad argument. */
export function invalidArguments(message: string): Record<string, unknown> {
  return {
    ok: false,
    error: 'invalid_arguments',
    response_metadata: { messages: [`[ERROR] ${message}`] },
  };
}
