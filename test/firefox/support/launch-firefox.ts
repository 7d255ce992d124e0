/**
 * Starts Firefox (Debian's firefox-esr by default) over WebDriver BiDi with the Firefox build
 * installed as a temporary add-on under a fixed UUID, and Slack's hosts sent to the fake
 * through a PAC script and a loopback CONNECT proxy.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
  /** Where downloads land, without asking. */
  downloadDir: string;
  close: () => Promise<void>;
}

export async function launchFirefoxWithExtension(options: {
  pacUrl: string;
  extensionDir?: string;
}): Promise<FirefoxWithExtension> {
  const extensionDir = resolve(options.extensionDir ?? 'dist-firefox');
  const manifest = JSON.parse(readFileSync(resolve(extensionDir, 'manifest.json'), 'utf8'));
  const geckoId: string = manifest.browser_specific_settings.gecko.id;
  const downloadDir = mkdtempSync(join(tmpdir(), 'ssa-firefox-downloads-'));
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
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
    },
  });
  const output: string[] = [];
  const child = browser.process();
  for (const stream of [child?.stdout, child?.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => output.push(...chunk.split('\n').filter(Boolean)));
  }
  const close = async () => {
    await browser.close();
    rmSync(downloadDir, { recursive: true, force: true });
  };
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await close();
    throw error;
  }
  return { browser, output, downloadDir, close };
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

/** The open tab or window showing the extension page `path`, once there is one. */
export async function findExtensionPage(
  browser: Browser,
  path: string,
  timeoutMs = 15_000,
): Promise<Page> {
  const url = `${EXTENSION_ORIGIN}/${path}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(url)) {
        await waitForDocument(page, url, Math.max(0, deadline - Date.now()));
        return page;
      }
    }
    if (Date.now() > deadline) throw new Error(`No page of ${url} opened.`);
    await new Promise((done) => setTimeout(done, 200));
  }
}
