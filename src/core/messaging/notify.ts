/** Sending notices (see `listen.ts` for the receiving half). */
import type { Tabs } from 'webextension-polyfill';
import browser from '../browser';
import type { NoticeMap } from './listen';

/** The page a notice is for: its tab, and where the browser names it, the document itself. */
export interface PageInTab {
  tabId: number;
  documentId?: string;
}

/**
 * Background → the content script of one page. Sent to that document (or, where the browser
 * names none, to the tab's top frame): a tab that has since moved to another page hears
 * nothing of the member. The page may also have closed; that is fine.
 */
export function tabNotifier<M extends NoticeMap<M>>() {
  return <K extends keyof M & string>(page: PageInTab, type: K, body: M[K]): void => {
    // Chromium takes `documentId` (from 106); the polyfill's types predate it.
    const target = (
      page.documentId ? { documentId: page.documentId } : { frameId: 0 }
    ) as Tabs.SendMessageOptionsType;
    browser.tabs
      .sendMessage(page.tabId, { ...(body as object), type }, target)
      .catch(() => undefined);
  };
}

/** Background → every open extension page. Rejects when none is open to hear it; that is fine. */
export function pagesNotifier<M extends NoticeMap<M>>() {
  return <K extends keyof M & string>(type: K, body: M[K]): void => {
    browser.runtime.sendMessage({ ...(body as object), type }).catch(() => undefined);
  };
}
