import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STORE, STORED } from '../../src/core/background/storage';
import { GOVSLACK_API_BASE, SLACK_API_BASE } from '../../src/slack/transport';

const privacy = readFileSync('PRIVACY.md', 'utf8');

describe('PRIVACY.md', () => {
  it('names every IndexedDB store and storage area the extension keeps anything in', () => {
    for (const store of Object.values(STORE)) expect(privacy).toContain(`(\`${store}\`)`);
    const areas = new Set(
      Object.values(STORED)
        .filter((item) => !('legacy' in item))
        .map((item) => item.area),
    );
    for (const area of areas)
      expect(privacy).toContain(area === 'indexeddb' ? 'IndexedDB' : `\`${area}\``);
  });

  it("names the only hosts anything is sent to: Slack's API bases", () => {
    expect(privacy).toContain(`\`${SLACK_API_BASE}\``);
    expect(privacy).toContain(`\`${GOVSLACK_API_BASE}\``);
  });
});
