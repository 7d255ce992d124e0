import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromeManifest, FIREFOX_MIN_VERSION, firefoxManifest } from './manifests';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const source = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>;

describe('the version the stores get', () => {
  it('is written in package.json only: the source manifest has none of its own', () => {
    expect(source).not.toHaveProperty('version');
  });

  it("is package.json's in both built manifests", () => {
    expect(chromeManifest().version).toBe(pkg.version);
    expect(firefoxManifest().version).toBe(pkg.version);
  });
});

describe('the Firefox manifest', () => {
  it('asks for no Firefox older than data_collection_permissions needs (140, Android 142)', () => {
    const gecko = (
      firefoxManifest().browser_specific_settings as { gecko: Record<string, unknown> }
    ).gecko;
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(Number.parseInt(String(gecko.strict_min_version), 10)).toBeGreaterThanOrEqual(142);
    expect(gecko.strict_min_version).toBe(FIREFOX_MIN_VERSION);
  });

  it('runs the background as an event page and declares the same permissions as Chrome', () => {
    const firefox = firefoxManifest();
    const chrome = chromeManifest();
    expect(firefox.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox.permissions).toEqual(chrome.permissions);
    expect(firefox.host_permissions).toEqual(chrome.host_permissions);
  });
});
