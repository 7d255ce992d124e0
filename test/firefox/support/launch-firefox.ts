/**
 * Starts Firefox (Debian's firefox-esr by default) over WebDriver BiDi with the Firefox build
 * installed as a temporary add-on under a fixed UUID, and Slack's hosts sent to the fake
 * through a PAC script and a loopback CONNECT proxy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/snap/bin/firefox'];

/** Fixed, so every page of the extension has a known address. */
export const EXTENSION_UUID = '5e5510a0-5ac0-4d1e-a5f1-000000000017';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export function firefoxPath(): string {
  const found = process.env.FIREFOX_PATH ?? CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'Firefox was not found. Install it (Debian/Ubuntu: sudo apt-get install firefox-esr) or set FIREFOX_PATH.',
    );
  }
  return found;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** Lines Firefox printed: the console of the extension's pages and background among them. */
  output: string[];
  close: () => Promise<void>;
}

export async function launchFirefoxWithExtension(options: {
  pacUrl: string;
  extensionDir?: string;
}): Promise<FirefoxWithExtension> {
  const extensionDir = resolve(options.extensionDir ?? 'dist-firefox');
  const manifest = JSON.parse(readFileSync(resolve(extensionDir, 'manifest.json'), 'utf8'));
  const geckoId: string = manifest.browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    acceptInsecureCerts: true,
    // Without it BiDi refuses to navigate a tab to a moz-extension:// page.
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 800 },
    dumpio: false,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': options.pacUrl,
      'network.proxy.allow_hijacking_localhost': false,
      'devtools.console.stdout.content': true,
      'intl.locale.requested': 'en-US',
      'intl.accept_languages': 'en-US, en',
    },
  });
  const output: string[] = [];
  const child = browser.process();
  for (const stream of [child?.stdout, child?.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => output.push(...chunk.split('\n').filter(Boolean)));
  }
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { browser, output, close: () => browser.close() };
}

/**
 * Opens an extension page in a new tab. Under BiDi `page.goto()` to a moz-extension:// page
 * never resolves though the page loads, so the navigation is started and the page polled.
 */
export async function openExtensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${EXTENSION_ORIGIN}/${path}`;
  void page.goto(url).catch(() => undefined);
  await waitForDocument(page, url);
  return page;
}

/** Waits until `page` shows a loaded document whose address starts with `url`. */
export async function waitForDocument(page: Page, url: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await page
      .evaluate(() => ({ href: location.href, ready: document.readyState }))
      .catch(() => undefined);
    if (state?.href.startsWith(url) && state.ready === 'complete') return;
    if (Date.now() > deadline)
      throw new Error(`${url} did not load (last seen: ${state?.href ?? 'nothing'}).`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
