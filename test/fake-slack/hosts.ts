// Which Slack property a Host header names. Chromium reaches the fake through
// --host-resolver-rules, so the Host header is the only thing telling the properties apart.

import type { Env } from './types';

export type HostKind =
  /** slack.com / slack-gov.com: the Web API. */
  | { kind: 'api'; env: Env }
  /** app.slack.com: the org dashboard at /manage/<E…>/… */
  | { kind: 'app'; env: Env }
  /** <org>.enterprise.slack.com: the same dashboard at /manage/… */
  | { kind: 'enterprise'; env: Env; domain: string }
  /** <workspace>.slack.com: the workspace admin and profiles. */
  | { kind: 'workspace'; env: Env; domain: string }
  /** 127.0.0.1 / localhost: what node-side tests hit without a resolver rule. */
  | { kind: 'loopback' }
  | { kind: 'unknown' };

/** Host without the port, lower-cased. */
export function hostName(header: string | undefined): string {
  const host = (header ?? '').toLowerCase();
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
}

export function classifyHost(host: string): HostKind {
  if (host === '127.0.0.1' || host === 'localhost' || host === '[::1]') return { kind: 'loopback' };
  const suffix = ['slack-gov.com', 'slack.com'].find((s) => host === s || host.endsWith(`.${s}`));
  if (!suffix) return { kind: 'unknown' };
  const env: Env = suffix === 'slack-gov.com' ? 'gov' : 'commercial';
  if (host === suffix) return { kind: 'api', env };
  const sub = host.slice(0, -(suffix.length + 1));
  if (sub === 'app') return { kind: 'app', env };
  const enterprise = /^([a-z0-9-]+)\.enterprise$/.exec(sub);
  if (enterprise) return { kind: 'enterprise', env, domain: enterprise[1]! };
  if (/^[a-z0-9-]+$/.test(sub)) return { kind: 'workspace', env, domain: sub };
  return { kind: 'unknown' };
}

/** The API environment for `/api/…` on this host; loopback hosts use `/gov/api/…` for GovSlack. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function apiEnv(kind: HostKind, path: string): { env: Env; method: string } | undefined {
  if (kind.kind === 'loopback') {
    const match = /^\/(gov\/)?api\/(.*)$/.exec(path);
    return match ? { env: match[1] ? 'gov' : 'commercial', method: decode(match[2]!) } : undefined;
  }
  if (kind.kind === 'unknown' || !path.startsWith('/api/')) return undefined;
  // Slack answers /api/ on its subdomains too (the web client uses <workspace>.slack.com/api/).
  return { env: kind.env, method: decode(path.slice('/api/'.length)) };
}
