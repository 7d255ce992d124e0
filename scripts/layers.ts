/**
 * The house's layering, checked. Every source file under src/ belongs to one layer, and each
 * layer may import only the layers listed for it: data flows one way, and the token's path
 * (vault → Slack client → fetch) stays inside the background. Biome's `noImportCycles`
 * guards against cycles; this guards the direction.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

export type Layer =
  | 'slack'
  | 'shared'
  | 'core'
  | 'core-background'
  | 'protocol'
  | 'feature-model'
  | 'feature-background'
  | 'ui'
  | 'content'
  | 'worker';

/** Where each kind of file lives (paths relative to src/, with `/`). */
export function layerOf(path: string): Layer | undefined {
  if (path.startsWith('slack/')) return 'slack';
  if (path.startsWith('shared/')) return 'shared';
  if (path.startsWith('core/background/')) return 'core-background';
  if (path.startsWith('core/')) return 'core';
  if (path.startsWith('protocol/')) return 'protocol';
  if (path.startsWith('background/')) return 'worker';
  if (/^(popup|options|confirm|bulk|sessions|ui)\//.test(path)) return 'ui';
  const feature = /^features\/[^/]+\/(?:(background|components|page|content)\/)?/.exec(path);
  if (!feature) return undefined;
  if (feature[1] === 'background') return 'feature-background';
  if (feature[1] === 'content') return 'content';
  if (feature[1] === 'components' || feature[1] === 'page') return 'ui';
  return 'feature-model';
}

const PURE: Layer[] = ['shared', 'core', 'feature-model', 'protocol'];

/** What each layer may import. UI and content never reach the client or the background. */
export const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  // The Slack client knows nothing of the extension but its pure ID parsers.
  slack: ['slack', 'shared'],
  shared: ['shared'],
  core: ['core', 'shared'],
  'feature-model': ['feature-model', 'core', 'shared'],
  protocol: ['protocol', 'feature-model', 'core', 'shared'],
  'core-background': ['core-background', 'slack', ...PURE],
  'feature-background': ['feature-background', 'core-background', 'slack', ...PURE],
  worker: ['worker', 'feature-background', 'core-background', 'slack', ...PURE],
  ui: ['ui', ...PURE],
  content: ['content', ...PURE],
};

export interface Violation {
  file: string;
  imports: string;
  message: string;
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolve(from: string, specifier: string): string | undefined {
  const base = normalize(join(dirname(from), specifier));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return undefined;
}

/** Every import under `srcDir` that crosses the layering the wrong way. */
export function findLayerViolations(srcDir: string): Violation[] {
  const violations: Violation[] = [];
  const name = (path: string) => relative(srcDir, path).split(sep).join('/');
  for (const file of sourceFiles(srcDir)) {
    const layer = layerOf(name(file));
    if (!layer) {
      violations.push({ file: name(file), imports: '', message: 'is in no layer: move it to one' });
      continue;
    }
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3]!;
      if (!specifier.startsWith('.')) continue;
      const target = resolve(file, specifier);
      if (!target || relative(srcDir, target).startsWith('..')) continue;
      const targetLayer = layerOf(name(target));
      if (targetLayer && MAY_IMPORT[layer].includes(targetLayer)) continue;
      violations.push({
        file: name(file),
        imports: name(target),
        message: `${layer} may not import ${targetLayer ?? 'a file in no layer'}`,
      });
    }
  }
  return violations;
}
