/** Sending notices (see `listen.ts` for the receiving half). */
import browser from '../browser';
import type { NoticeMap } from './listen';

/** Background → the content script in one tab. The tab may have navigated away or closed. */
export function tabNotifier<M extends NoticeMap<M>>() {
  return <K extends keyof M & string>(tabId: number, type: K, body: M[K]): void => {
    browser.tabs.sendMessage(tabId, { ...(body as object), type }).catch(() => undefined);
  };
}

/** Background → every open extension page. Rejects when none is open to hear it; that is fine. */
export function pagesNotifier<M extends NoticeMap<M>>() {
  return <K extends keyof M & string>(type: K, body: M[K]): void => {
    browser.runtime.sendMessage({ ...(body as object), type }).catch(() => undefined);
  };
}
