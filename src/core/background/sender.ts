/**
 * Who sent a runtime message. The only place that reads `sender`: every handler is
 * registered for sender kinds, never for raw sender fields.
 *  - extension-page: one of this extension's own pages (popup, options, confirmation, bulk).
 *  - admin-content-script: this extension's content script, top frame of a Slack admin page.
 *  - untrusted: anything else (other extensions, web pages, frames, non-admin origins).
 * `sender.url` of a content script is the page's own claim, so the origin decides.
 */
import type { Runtime } from 'webextension-polyfill';
import { isSlackHost, parseUrl } from '../../shared/url';

/** Chrome and Firefox 126+ fill `origin`; the polyfill's types predate it. */
export type MessageSender = Runtime.MessageSender & { origin?: string };

export type SenderKind = 'extension-page' | 'admin-content-script' | 'untrusted';

const ADMIN_PATH = /^\/(?:admin(?:[/?#]|$)|manage\/)/;

export function extensionOrigin(runtimeUrl: string): string {
  return new URL(runtimeUrl).origin;
}

export function classifySender(
  sender: MessageSender,
  ownId: string,
  ownOrigin: string,
): SenderKind {
  if (sender.id !== ownId) return 'untrusted';
  const origin = sender.origin ?? originOf(sender.url);
  if (origin === ownOrigin) return 'extension-page';
  if (!sender.tab || sender.frameId !== 0 || !origin) return 'untrusted';
  // An opaque origin ("null") or an unreadable URL parses to nothing: untrusted.
  const page = parseUrl(origin);
  if (page?.protocol !== 'https:' || !isSlackHost(page.hostname)) return 'untrusted';
  // The path is the page's own claim; it only narrows, the origin above is what we trust.
  const path = parseUrl(sender.url)?.pathname ?? '';
  return ADMIN_PATH.test(path) ? 'admin-content-script' : 'untrusted';
}

export function originOf(url: string | undefined): string | undefined {
  return parseUrl(url)?.origin;
}
