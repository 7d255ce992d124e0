/** What the background uses to send notices: to one tab's content script, or to open pages. */
import { pagesNotifier, tabNotifier } from '../core/messaging/notify';
import type { NoticesToContent, NoticesToPages } from '.';

export const notifyTab = /* @__PURE__ */ tabNotifier<NoticesToContent>();
export const notifyPages = /* @__PURE__ */ pagesNotifier<NoticesToPages>();
