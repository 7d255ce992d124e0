/**
 * A permission declared but never used is a store rejection (and a wider install prompt than
 * needed). Each API permission is used when the shipped code (src/, tests left out) calls its
 * API; each host permission when a content script is declared for it, or when a URL in the
 * code falls under it (the Slack API bases). A permission with no rule here fails too, so a
 * new one comes with the way to see it used.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A call into one of these namespaces: `browser.alarms.create(…)`, also split over lines. */
function callsInto(...namespaces: string[]): RegExp {
  return new RegExp(`\\b(?:browser|chrome)\\s*\\.\\s*(?:${namespaces.join('|')})\\s*\\??\\.`);
}

/** How the code uses each API permission. */
export const API_PERMISSION_USE: Record<string, RegExp> = {
  alarms: callsInto('alarms'),
  contextMenus: callsInto('contextMenus', 'menus'),
  // Firefox's name for the same API.
  menus: callsInto('contextMenus', 'menus'),
  notifications: callsInto('notifications'),
  storage: callsInto('storage'),
};

export interface ManifestPermissions {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[]; js?: string[] }[];
}

export interface ShippedFile {
  path: string;
  text: string;
}

/** src/'s code as shipped: every .ts/.tsx file but the tests. */
export function shippedSources(src: string): ShippedFile[] {
  return readdirSync(src, { recursive: true })
    .map(String)
    .filter((path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path))
    .map((path) => ({ path, text: readFileSync(join(src, path), 'utf8') }));
}

/** A match pattern (`https://*.slack.com/admin*`) as a regular expression over URLs. */
export function matchPatternToRegExp(pattern: string): RegExp {
  const parts = /^(\*|https?|wss?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!parts) throw new Error(`${pattern} is not a match pattern`);
  const [, scheme, host = '', path = ''] = parts;
  const literal = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const schemePart = scheme === '*' ? 'https?' : scheme;
  const hostPart =
    host === '*'
      ? '[^/]+'
      : host.startsWith('*.')
        ? `(?:[^/]+\\.)?${literal(host.slice(2))}`
        : literal(host);
  const pathPart = literal(path).replace(/\*/g, '.*');
  return new RegExp(`^${schemePart}://${hostPart}${pathPart}$`);
}

/** Every absolute URL written out in the code (not the ones put together at run time). */
function urlsIn(files: ShippedFile[]): string[] {
  return files.flatMap(
    ({ text }) => text.match(/https?:\/\/[a-z0-9.-]+\.[a-z]+\/[^\s'"`<>]*/gi) ?? [],
  );
}

export function unusedPermissions(
  manifest: ManifestPermissions,
  files: ShippedFile[],
  src: string,
): string[] {
  const problems: string[] = [];
  const code = files.map((file) => file.text);
  for (const permission of [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
  ]) {
    const use = API_PERMISSION_USE[permission];
    if (!use)
      problems.push(
        `${permission}: no rule says how its use looks; add one to scripts/store/permissions.ts`,
      );
    else if (!code.some((text) => use.test(text)))
      problems.push(`${permission}: declared, but no code under src/ calls its API`);
  }
  const scriptedMatches = (manifest.content_scripts ?? [])
    .filter((script) => (script.js ?? []).every((file) => existsSync(join(src, '..', file))))
    .flatMap((script) => script.matches ?? []);
  const urls = urlsIn(files);
  const hosts = [
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
  ];
  for (const pattern of hosts) {
    if (scriptedMatches.includes(pattern)) continue;
    const matcher = matchPatternToRegExp(pattern);
    if (!urls.some((url) => matcher.test(url)))
      problems.push(
        `${pattern}: declared, but no content script runs there and no URL in src/ falls under it`,
      );
  }
  return problems;
}
