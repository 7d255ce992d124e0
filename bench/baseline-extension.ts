/**
 * A copy of dist/ with one extra, static page whose bytes match the popup's: HTML of the
 * popup HTML's size, one stylesheet of the popup's CSS size and one script of the popup's
 * JS size that only defines a string constant. The popup's own files are left untouched.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageAssets, rawBytes, readManifest } from './bundle-sizes';

export const STATIC_PAGE = 'bench-baseline/static.html';
const STATIC_JS = 'bench-baseline/static.js';
const STATIC_CSS = 'bench-baseline/static.css';

export interface BaselineExtension {
  /** The extension directory to load. */
  dir: string;
  popupPage: string;
  staticPage: string;
  bytes: { html: number; js: number; css: number };
  remove(): void;
}

/** Deterministic filler without quotes, backslashes or line breaks. */
function filler(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let seed = 0x2545f491;
  let out = '';
  for (let i = 0; i < length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    out += alphabet[(seed >>> 16) % alphabet.length];
  }
  return out;
}

function padTo(prefix: string, suffix: string, size: number, what: string): string {
  const room = size - Buffer.byteLength(prefix + suffix);
  if (room < 0) throw new Error(`the static ${what} cannot be as small as the popup's (${size} B)`);
  return prefix + filler(room) + suffix;
}

export function prepareBaselineExtension(distDir: string): BaselineExtension {
  const popupPage = readManifest(distDir).action?.default_popup;
  if (!popupPage) throw new Error('dist/manifest.json has no popup');
  const popup = pageAssets(distDir, popupPage);
  const bytes = {
    html: rawBytes(distDir, [popup.html]),
    js: rawBytes(distDir, popup.scripts),
    css: rawBytes(distDir, popup.stylesheets),
  };

  const dir = mkdtempSync(join(tmpdir(), 'ssa-bench-ext-'));
  try {
    cpSync(distDir, dir, { recursive: true });
    mkdirSync(join(dir, 'bench-baseline'), { recursive: true });
    // A blocking classic script, so the input is parsed only once every byte is loaded.
    const htmlHead = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Static page</title>
    <link rel="stylesheet" href="/${STATIC_CSS}">
    <script src="/${STATIC_JS}"></script>
  </head>
  <body>
    <main><label for="user">User</label> <input id="user" type="text" autocomplete="off"></main>
    <!-- `;
    const htmlTail = ' -->\n  </body>\n</html>\n';
    writeFileSync(join(dir, STATIC_PAGE), padTo(htmlHead, htmlTail, bytes.html, 'HTML'));
    writeFileSync(
      join(dir, STATIC_JS),
      padTo('const STATIC_PAGE_PADDING = "', '";\n', bytes.js, 'script'),
    );
    // The popup's stylesheets, concatenated: same bytes, same kind of content.
    writeFileSync(
      join(dir, STATIC_CSS),
      Buffer.concat(popup.stylesheets.map((f) => readFileSync(join(distDir, f)))),
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const written = {
    html: rawBytes(dir, [STATIC_PAGE]),
    js: rawBytes(dir, [STATIC_JS]),
    css: rawBytes(dir, [STATIC_CSS]),
  };
  if (written.html !== bytes.html || written.js !== bytes.js || written.css !== bytes.css) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error('the static page does not match the popup byte for byte in size');
  }
  return {
    dir,
    popupPage,
    staticPage: STATIC_PAGE,
    bytes,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
