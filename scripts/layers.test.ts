import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findLayerViolations, layerOf } from './layers';

const made: string[] = [];

function tree(files: Record<string, string>): string {
  const src = join(mkdtempSync(join(tmpdir(), 'layers-')), 'src');
  made.push(dirname(src));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(src, path)), { recursive: true });
    writeFileSync(join(src, path), text);
  }
  return src;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the layering of src/', () => {
  it('holds today: no import goes the wrong way', () => {
    expect(findLayerViolations(join(import.meta.dirname, '..', 'src'))).toEqual([]);
  });

  it.each([
    ['slack/client.ts', 'slack'],
    ['shared/ids.ts', 'shared'],
    ['core/messaging/send.ts', 'core'],
    ['core/background/vault/vault.ts', 'core-background'],
    ['protocol/index.ts', 'protocol'],
    ['protocol/pages.ts', 'protocol'],
    ['features/tokens/messages.ts', 'feature-model'],
    ['features/tokens/background/handlers.ts', 'feature-background'],
    ['features/tokens/components/TokenSection.tsx', 'ui'],
    ['features/page-controls/content/index.ts', 'content'],
    ['popup/Popup.tsx', 'ui'],
    ['bulk/main.tsx', 'ui'],
    ['sessions/main.tsx', 'ui'],
    ['background/index.ts', 'worker'],
  ])('puts %s in the %s layer', (path, layer) => {
    expect(layerOf(path)).toBe(layer);
  });
});

describe('a change that breaks the layering', () => {
  it('is caught when the popup imports the Slack client', () => {
    const src = tree({
      'slack/client.ts': 'export const client = 1;\n',
      'popup/Popup.tsx': "import { client } from '../slack/client';\nexport default client;\n",
    });
    expect(findLayerViolations(src)).toEqual([
      { file: 'popup/Popup.tsx', imports: 'slack/client.ts', message: 'ui may not import slack' },
    ]);
  });

  it('is caught when a content script imports a background module, even by a type', () => {
    const src = tree({
      'core/background/vault/vault.ts': 'export type Vault = 1;\n',
      'features/page-controls/content/index.ts':
        "import type { Vault } from '../../../core/background/vault/vault';\nexport type V = Vault;\n",
    });
    expect(findLayerViolations(src)).toMatchObject([
      {
        file: 'features/page-controls/content/index.ts',
        message: 'content may not import core-background',
      },
    ]);
  });

  it('is caught when the Slack client imports the extension', () => {
    const src = tree({
      'core/browser.ts': 'export default 1;\n',
      'slack/transport.ts': "import browser from '../core/browser';\nexport { browser };\n",
    });
    expect(findLayerViolations(src)).toMatchObject([
      { file: 'slack/transport.ts', message: 'slack may not import core' },
    ]);
  });

  it('is caught when a model imports a background module by a dynamic import', () => {
    const src = tree({
      'features/activity/background/log.ts': 'export const log = 1;\n',
      'features/activity/model.ts': "export const load = () => import('./background/log');\n",
    });
    expect(findLayerViolations(src)).toMatchObject([
      {
        file: 'features/activity/model.ts',
        message: 'feature-model may not import feature-background',
      },
    ]);
  });

  it('is caught when a file sits in no layer', () => {
    const src = tree({ 'misc/helpers.ts': 'export const x = 1;\n' });
    expect(findLayerViolations(src)).toMatchObject([{ file: 'misc/helpers.ts' }]);
  });

  it('lets the background use everything below it', () => {
    const src = tree({
      'slack/client.ts': 'export const client = 1;\n',
      'features/tokens/background/handlers.ts':
        "import { client } from '../../../slack/client';\nexport const h = client;\n",
      'background/index.ts':
        "import { h } from '../features/tokens/background/handlers';\nexport { h };\n",
    });
    expect(findLayerViolations(src)).toEqual([]);
  });
});
