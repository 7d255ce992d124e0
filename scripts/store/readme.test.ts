import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JUSTIFIED_WARNINGS } from './firefox-lint';
import { chromeManifest, firefoxManifest } from './manifests';

const readme = readFileSync('README.md', 'utf8');

/** One `## ` section of the README, heading included. */
function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) return '';
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

interface Declared {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  description?: string;
  default_locale?: string;
}

const manifests = [chromeManifest(), firefoxManifest()] as Declared[];

/** The description as the store shows it: a `__MSG_…__` one read from the default locale. */
function description(manifest: Declared): string {
  const text = manifest.description ?? '';
  const key = /^__MSG_(\w+)__$/.exec(text)?.[1];
  const messages = `public/_locales/${manifest.default_locale ?? 'en'}/messages.json`;
  if (!key || !existsSync(messages)) return text;
  const all = JSON.parse(readFileSync(messages, 'utf8')) as Record<string, { message: string }>;
  return all[key]?.message ?? text;
}

describe('the README, for the stores', () => {
  it('justifies every permission either manifest declares, under "Permissions"', () => {
    const permissions = section('Permissions');
    const declared = manifests.flatMap((m) => [
      ...(m.permissions ?? []),
      ...(m.host_permissions ?? []),
      ...(m.optional_permissions ?? []),
      ...(m.optional_host_permissions ?? []),
    ]);
    expect(declared.length).toBeGreaterThan(0);
    for (const permission of declared) expect(permissions).toContain(`\`${permission}\``);
  });

  it('explains every web-ext lint warning the check lets through', () => {
    const packaging = section('Packaging for the stores');
    for (const { code } of JUSTIFIED_WARNINGS) expect(packaging).toContain(`\`${code}\``);
  });

  it("lists npm run package's output", () => {
    const packaging = section('Packaging for the stores');
    for (const file of ['-chrome.zip', '-firefox.zip', '-source.zip', 'SHA256SUMS'])
      expect(packaging).toContain(file);
  });

  it('quotes the single-purpose description, which fits the Chrome Web Store (132 characters)', () => {
    const text = description(chromeManifest() as Declared);
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(132);
    expect(readme).toContain(`**Single purpose.**`);
    expect(readme).toContain(`_"${text}"_`);
  });
});
