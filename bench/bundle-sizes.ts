/**
 * Gzip sizes of what each extension context loads from dist/: an entry file (named by the
 * built manifest or an HTML page) plus every chunk it imports statically, transitively.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Row } from './report';

const KB = 1024;

interface BuiltManifest {
  background?: { service_worker?: string };
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
  content_scripts?: { js?: string[]; css?: string[] }[];
}

export function readManifest(distDir: string): BuiltManifest {
  return JSON.parse(readFileSync(join(distDir, 'manifest.json'), 'utf8')) as BuiltManifest;
}

/** A path inside dist/ (posix, no leading slash) for a reference made from `fromFile`. */
function resolveRef(distDir: string, fromFile: string, ref: string): string {
  const clean = ref.replace(/[?#].*$/, '');
  const resolved = clean.startsWith('/')
    ? posix.normalize(clean.slice(1))
    : posix.join(posix.dirname(fromFile), clean);
  if (!existsSync(join(distDir, resolved))) {
    throw new Error(`${fromFile} refers to ${ref}, which is not in ${distDir}`);
  }
  return resolved;
}

// Static imports and re-exports of relative specifiers, minified or not:
// `import{a as b}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`. Dynamic import() is
// not matched: it is not loaded up front.
const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)(["'])((?:\.{1,2}\/|\/)[^"'\n]+?\.m?js)\1/g;

/** `entry` and the files it imports statically, transitively, in discovery order. */
export function jsClosure(distDir: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) {
      queue.push(resolveRef(distDir, file, match[2]!));
    }
  }
  return [...seen];
}

export interface PageAssets {
  html: string;
  /** The page's scripts and everything they import statically. */
  scripts: string[];
  stylesheets: string[];
}

/** Scripts (with their static imports) and stylesheets an HTML page of dist/ loads. */
export function pageAssets(distDir: string, htmlPath: string): PageAssets {
  const html = readFileSync(join(distDir, htmlPath), 'utf8');
  const attr = (tag: string, name: string) =>
    new RegExp(`\\b${name}\\s*=\\s*(["'])([^"']+)\\1`, 'i').exec(tag)?.[2];
  const scripts: string[] = [];
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attr(tag, 'src');
    if (src) scripts.push(resolveRef(distDir, htmlPath, src));
  }
  const stylesheets: string[] = [];
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = attr(tag, 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const href = attr(tag, 'href');
    if (href && rel.includes('stylesheet')) stylesheets.push(resolveRef(distDir, htmlPath, href));
  }
  return { html: htmlPath, scripts: jsClosure(distDir, scripts), stylesheets };
}

export function gzipBytes(distDir: string, file: string): number {
  return gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
}

export function rawBytes(distDir: string, files: readonly string[]): number {
  return files.reduce((sum, f) => sum + readFileSync(join(distDir, f)).length, 0);
}

function sizeRow(
  distDir: string,
  name: string,
  files: readonly string[],
  what: string,
  limitKb?: number,
): Row {
  const perFile = Object.fromEntries(files.map((f) => [f, gzipBytes(distDir, f)]));
  const bytes = Object.values(perFile).reduce((a, b) => a + b, 0);
  return {
    name,
    value: bytes / KB,
    unit: 'KB',
    ...(limitKb === undefined ? {} : { budget: { on: 'value', op: '<=', limit: limitKb } }),
    note: `sum of gzip -9 sizes of ${what} (${files.length} files, ${bytes} bytes)`,
    details: { gzipBytes: bytes, rawBytes: rawBytes(distDir, files), files: perFile },
  };
}

export function measureBundleSizes(distDir: string): Row[] {
  const manifest = readManifest(distDir);
  const worker = manifest.background?.service_worker;
  const popup = manifest.action?.default_popup;
  const options = manifest.options_ui?.page ?? manifest.options_page;
  const content = manifest.content_scripts ?? [];
  if (!worker || !popup || !options || content.length === 0) {
    throw new Error('dist/manifest.json lacks a worker, popup, options page or content script');
  }
  const contentJs = jsClosure(distDir, [...new Set(content.flatMap((c) => c.js ?? []))]);
  const contentCss = [...new Set(content.flatMap((c) => c.css ?? []))];
  const popupAssets = pageAssets(distDir, popup);
  const optionsAssets = pageAssets(distDir, options);
  const rel = (p: string) => relative(dirname(distDir), join(distDir, p));
  return [
    sizeRow(
      distDir,
      'Bundle: service worker (gzip)',
      jsClosure(distDir, [worker]),
      `${rel(worker)} and the chunks it imports statically`,
      20,
    ),
    sizeRow(
      distDir,
      'Bundle: popup JS+CSS (gzip)',
      [...popupAssets.scripts, ...popupAssets.stylesheets],
      `the scripts (with static imports) and stylesheets of ${rel(popup)}`,
      25,
    ),
    sizeRow(
      distDir,
      'Bundle: content script (gzip)',
      [...contentJs, ...contentCss],
      'the content script files named in the manifest',
      8,
    ),
    sizeRow(
      distDir,
      'Bundle: options JS+CSS (gzip)',
      [...optionsAssets.scripts, ...optionsAssets.stylesheets],
      `the scripts (with static imports) and stylesheets of ${rel(options)}`,
    ),
  ];
}
