/**
 * Who sent a runtime message. The only place that reads `sender`: handlers are registered for
 * sender kinds and get only what this classifier trusted, never raw sender fields.
 *  - extension-page: one of this extension's own pages (popup, options, confirmation, bulk).
 *  - admin-content-script: this extension's content script, top frame of a Slack admin page.
 *  - untrusted: anything else (other extensions, web pages, frames, non-admin origins).
 * `sender.url` of a content script is the page's own claim, so the origin decides.
 */
import type { Runtime } from 'webextension-polyfill';
import { isSlackHost, originOf, parseUrl } from '../../shared/url';

/** Chrome and Firefox 126+ fill `origin`, Chrome `documentId`; the polyfill's types predate both. */
export type MessageSender = Runtime.MessageSender & { origin?: string; documentId?: string };

export interface ExtensionIdentity {
  id: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  origin: string;
}

export type ClassifiedSender =
  | { kind: 'extension-page' }
  | {
      kind: 'admin-content-script';
      /** The admin page's tab, and (Chromium) the page's document in it. */
      tabId?: number;
      documentId?: string;
      /** The page's origin, as the browser reported it. */
      origin: string;
      /** The page's URL and its tab's title: the page's own claims, shown or read, never trusted. */
      url?: string;
      tabTitle?: string;
    }
  | { kind: 'untrusted' };

export type SenderKind = ClassifiedSender['kind'];
export type TrustedSender = Exclude<ClassifiedSender, { kind: 'untrusted' }>;

const ADMIN_PATH = /^\/(?:admin(?:[/?#]|$)|manage\/)/;
const UNTRUSTED: ClassifiedSender = { kind: 'untrusted' };

/**
 * This extension's own origin, from `runtime.getURL('')`. `URL.origin` is "null" for
 * `moz-extension:` URLs, which would match every opaque origin: refuse to start instead.
 */
export function extensionOrigin(runtimeUrl: string): string {
  const origin = originOf(runtimeUrl);
  if (!origin || !/^[a-z-]+-extension:\/\/[^/]+$/.test(origin))
    throw new Error(`Cannot tell this extension's own origin from "${runtimeUrl}".`);
  return origin;
}

export function classifySender(sender: MessageSender, own: ExtensionIdentity): ClassifiedSender {
  if (sender.id !== own.id) return UNTRUSTED;
  const origin = sender.origin ?? originOf(sender.url);
  if (origin === own.origin) return { kind: 'extension-page' };
  if (!sender.tab || sender.frameId !== 0 || !origin) return UNTRUSTED;
  // An opaque origin ("null") or an unreadable URL parses to nothing: untrusted.
  const page = parseUrl(origin);
  if (page?.protocol !== 'https:' || !isSlackHost(page.hostname)) return UNTRUSTED;
  // The path is the page's own claim; it only narrows, the origin above is what we trust.
  const path = parseUrl(sender.url)?.pathname ?? '';
  if (!ADMIN_PATH.test(path)) return UNTRUSTED;
  return {
    kind: 'admin-content-script',
    tabId: sender.tab.id,
    documentId: sender.documentId,
    origin,
    url: sender.url,
    tabTitle: sender.tab.title,
  };
}
