import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chromeManifest, firefoxManifest } from './manifests';
import {
  type ManifestPermissions,
  matchPatternToRegExp,
  shippedSources,
  unusedPermissions,
} from './permissions';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A repository holding these files under src/; returns its src/. */
function sources(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'permissions-'));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'src', path)), { recursive: true });
    writeFileSync(join(root, 'src', path), text);
  }
  return join(root, 'src');
}

function check(manifest: ManifestPermissions, files: Record<string, string>): string[] {
  const src = sources(files);
  return unusedPermissions(manifest, shippedSources(src), src);
}

const worker = {
  'background/index.ts': `
    browser.alarms.onAlarm.addListener(() => {});
    await browser.notifications
      ?.create({ type: 'basic', title, message });
    const BASE = 'https://slack.com/api/';`,
};

describe('the permissions the extension declares', () => {
  it('are each used in src/ today, in the Chrome and the Firefox manifest', () => {
    const src = join(import.meta.dirname, '..', '..', 'src');
    for (const manifest of [chromeManifest(), firefoxManifest()])
      expect(unusedPermissions(manifest as ManifestPermissions, shippedSources(src), src)).toEqual(
        [],
      );
  });
});

describe('a permission declared but unused', () => {
  it('passes when each API is called and the host is the API base a URL names', () => {
    const manifest = {
      permissions: ['alarms', 'notifications'],
      host_permissions: ['https://slack.com/api/*'],
    };
    expect(check(manifest, worker)).toEqual([]);
  });

  it('fails, naming it, when no code calls its API', () => {
    expect(check({ permissions: ['alarms', 'contextMenus'] }, worker)).toEqual([
      expect.stringMatching(/^contextMenus: declared, but no code under src\/ calls its API/),
    ]);
  });

  it('fails when only a test calls its API', () => {
    const files = { ...worker, 'features/menu/menu.test.ts': 'browser.contextMenus.create({});' };
    expect(check({ permissions: ['contextMenus'] }, files)).toHaveLength(1);
  });

  it("counts Firefox's menus namespace for contextMenus", () => {
    const files = { 'background/menu.ts': 'browser.menus.create({ id: "reset" });' };
    expect(check({ permissions: ['contextMenus'] }, files)).toEqual([]);
  });

  it('fails for a permission nobody wrote a rule for', () => {
    expect(check({ permissions: ['tabs'] }, worker)).toEqual([
      expect.stringMatching(/^tabs: no rule says how its use looks/),
    ]);
  });

  it('fails for a host no URL falls under and no content script runs on', () => {
    const manifest = {
      host_permissions: ['https://slack-gov.com/api/*', 'https://*.slack.com/admin*'],
      optional_host_permissions: ['https://files.slack.com/*'],
      content_scripts: [{ matches: ['https://*.slack.com/admin*'], js: ['src/content/index.ts'] }],
    };
    const files = { ...worker, 'content/index.ts': 'placeButtons();' };
    expect(check(manifest, files)).toEqual([
      expect.stringMatching(/^https:\/\/slack-gov\.com\/api\/\*: declared, but no content script/),
      expect.stringMatching(/^https:\/\/files\.slack\.com\/\*: declared/),
    ]);
  });

  it('does not count a content script whose file is not in src/', () => {
    const manifest = {
      host_permissions: ['https://*.slack.com/admin*'],
      content_scripts: [{ matches: ['https://*.slack.com/admin*'], js: ['src/gone.ts'] }],
    };
    expect(check(manifest, worker)).toHaveLength(1);
  });
});

describe('match patterns', () => {
  it.each([
    ['https://slack.com/api/*', 'https://slack.com/api/auth.test', true],
    ['https://slack.com/api/*', 'https://slack.com/apix', false],
    ['https://*.slack.com/admin*', 'https://acme.slack.com/admin/members', true],
    ['https://*.slack.com/admin*', 'https://slack.com/admin', true],
    ['https://*.slack.com/admin*', 'https://slack.com.evil.example/admin', false],
    ['https://app.slack.com/manage/*', 'https://app.slack.com/manage/E1/people', true],
    ['https://app.slack.com/manage/*', 'http://app.slack.com/manage/E1', false],
  ])('%s covers %s: %s', (pattern, url, covered) => {
    expect(matchPatternToRegExp(pattern).test(url)).toBe(covered);
  });
});
