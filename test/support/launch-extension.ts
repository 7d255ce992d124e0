/**
 * Starts Chromium with the built extension loaded and Slack's hosts pointed at the fake.
 * Shared by the end-to-end tests, the demo and the benchmark.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from '@playwright/test';

// Branded Chrome and Edge ignore --load-extension since version 137: use Chromium.
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function chromiumPath(): string {
  const found = process.env.CHROMIUM_PATH ?? CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'Chromium was not found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.',
    );
  }
  return found;
}

/** Every Slack host the extension talks to or runs on, mapped to the fake's port on loopback. */
export function hostResolverRules(port: number): string {
  const hosts = ['slack.com', '*.slack.com', 'slack-gov.com', '*.slack-gov.com'];
  return hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ');
}

export function chromiumArgs(extensionDir: string, fakePort: number, lang = 'en'): string[] {
  return [
    // The browser's language is the extension's: pinned, so names found in tests are known.
    `--lang=${lang}`,
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    `--host-resolver-rules=${hostResolverRules(fakePort)}`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
  ];
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: () => Promise<Worker>;
  close: () => Promise<void>;
}

export async function launchWithExtension(options: {
  fakePort: number;
  extensionDir?: string;
  headless?: boolean;
  userDataDir?: string;
  viewport?: { width: number; height: number } | null;
  /** The browser's language (`en` unless told). */
  lang?: string;
}): Promise<ExtensionBrowser> {
  const extensionDir = resolve(options.extensionDir ?? 'dist');
  const ownDir = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'ssa-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args: chromiumArgs(extensionDir, options.fakePort, options.lang),
    locale: options.lang ?? 'en',
    // Chromium on Linux also takes its language from the environment.
    env: { ...process.env, LANGUAGE: options.lang ?? 'en' },
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
  });
  const serviceWorker = async (): Promise<Worker> => {
    const existing = context
      .serviceWorkers()
      .find((w) => w.url().startsWith('chrome-extension://'));
    return existing ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  };
  const worker = await firstWorker(context, extensionDir).catch(async (error) => {
    await context.close();
    throw error;
  });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      if (ownDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Chromium's ID for an unpacked extension: SHA-256 of its path, first 32 hex digits as a–p. */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(resolve(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/**
 * The extension's service worker. Under load Playwright can miss a worker that started before it
 * attached; then stop the worker through CDP and wake it with a page of the extension, which
 * makes it start again in view.
 */
async function firstWorker(context: BrowserContext, extensionDir: string): Promise<Worker> {
  const find = () =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  const seen =
    find() ??
    (await context.waitForEvent('serviceworker', { timeout: 5_000 }).catch(() => undefined));
  if (seen) return seen;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${unpackedExtensionId(extensionDir)}/src/options/index.html`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const restarted = context.waitForEvent('serviceworker', { timeout: 30_000 });
  await page.evaluate(() =>
    chrome.runtime.sendMessage({ type: 'ui/tokens/list' }).catch(() => undefined),
  );
  const worker = find() ?? (await restarted);
  await cdp.detach();
  await page.close();
  return worker;
}
