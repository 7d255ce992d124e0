/**
 * Notices: one-way messages from the background, with no reply. Each channel names its
 * direction (background → content scripts, background → extension pages) in its type and its
 * message names, and the receiving side gets typed notices through `on(type, handler)`.
 */
import type { Runtime } from 'webextension-polyfill';
import browser from '../browser';

/** A direction's notices: each type and its body. */
export type NoticeMap<M> = { [K in keyof M]: object };
export type Notice<M extends NoticeMap<M>, K extends keyof M = keyof M> = { type: K } & M[K];

/**
 * The receivers' one reading of `sender`: a notice counts only from this extension's own
 * background, which sends from no tab (a content script of ours would).
 */
export function isFromOwnBackground(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.tab === undefined;
}

function listen<M extends NoticeMap<M>>() {
  return function on<K extends keyof M & string>(
    type: K,
    handler: (notice: Notice<M, K>) => void,
  ): () => void {
    const listener = (message: unknown, sender: Runtime.MessageSender) => {
      if (!isFromOwnBackground(sender)) return;
      if ((message as { type?: unknown } | null)?.type !== type) return;
      handler(message as Notice<M, K>);
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  };
}

/** Background → the content script in one tab. */
export function toContentChannel<M extends NoticeMap<M>>() {
  return {
    /** The tab may have navigated away or closed: nothing to tell then. */
    send<K extends keyof M & string>(tabId: number, type: K, body: M[K]): void {
      browser.tabs.sendMessage(tabId, { ...(body as object), type }).catch(() => undefined);
    },
    on: listen<M>(),
  };
}

/** Background → every open extension page. */
export function toPagesChannel<M extends NoticeMap<M>>() {
  return {
    /** Rejects when no extension page is open to hear it; that is fine. */
    send<K extends keyof M & string>(type: K, body: M[K]): void {
      browser.runtime.sendMessage({ ...(body as object), type }).catch(() => undefined);
    },
    on: listen<M>(),
  };
}
