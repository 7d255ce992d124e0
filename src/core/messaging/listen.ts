/**
 * Receiving notices: one-way messages from the background, with no reply. Each direction
 * (background → content scripts, background → extension pages) has its own notice map and
 * message prefix; this is the receiving half, `notify.ts` the sending one.
 */
import type { Runtime } from 'webextension-polyfill';
import browser from '../browser';

/** A direction's notices: each type and its body. */
export type NoticeMap<M> = { [K in keyof M]: object };
export type Notice<M extends NoticeMap<M>, K extends keyof M = keyof M> = { type: K } & M[K];

/**
 * The receivers' one reading of `sender`: a notice counts only from this extension, and not
 * from a tab (where its content scripts run). The background sends from no tab; so does the
 * popup, one of our own pages, which is trusted anyway.
 */
export function isFromThisExtensionOutsideTabs(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.tab === undefined;
}

/** The receiving side: a typed `on(type, handler)`; returns a function that stops listening. */
export function noticeListener<M extends NoticeMap<M>>() {
  return function on<K extends keyof M & string>(
    type: K,
    handler: (notice: Notice<M, K>) => void,
  ): () => void {
    const listener = (message: unknown, sender: Runtime.MessageSender) => {
      if (!isFromThisExtensionOutsideTabs(sender)) return;
      if ((message as { type?: unknown } | null)?.type !== type) return;
      handler(message as Notice<M, K>);
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  };
}
