/**
 * The whole message protocol, gathered from the capabilities. Every message type names its
 * direction in its prefix:
 *   `ui/…`             extension pages → background
 *   `content/…`        the content script on Slack admin pages → background (a short list)
 *   `bg-to-content/…`  background → the content script of one tab (notices, no reply)
 *   `bg-to-pages/…`    background → open extension pages (notices, no reply)
 * Replies are always a `Reply`: a value, or a sentence saying what went wrong. The token
 * never appears in any of these shapes. Types only here; each context takes its typed senders
 * and listeners from its own module beside this one (`pages`, `content`, `background`), so a
 * bundle holds only its own half of each direction.
 */
import type { PayloadOfSpec, ResultOfSpec } from '../core/messaging/schema';
import type { ActivityNoticesToPages } from '../features/activity/messages';
import type { BulkNoticesToPages } from '../features/bulk/messages';
import type { PageControlNoticesToContent } from '../features/page-controls/messages';
import type { SessionSearchNoticesToPages } from '../features/session-search/messages';
import type { ResetNoticesToPages } from '../features/sessions/messages';
import type { CONTENT_REQUESTS, UI_REQUESTS } from './requests';

export type UiRequests = typeof UI_REQUESTS;
export type ContentRequests = typeof CONTENT_REQUESTS;
export type AllRequests = UiRequests & ContentRequests;

export type UiRequestType = keyof UiRequests & string;
export type ContentRequestType = keyof ContentRequests & string;
export type RequestType = UiRequestType | ContentRequestType;
export type PayloadOf<K extends RequestType> = PayloadOfSpec<AllRequests[K]>;
export type ResultOf<K extends RequestType> = ResultOfSpec<AllRequests[K]>;

export type NoticesToContent = PageControlNoticesToContent;
export type NoticesToPages = ActivityNoticesToPages &
  BulkNoticesToPages &
  ResetNoticesToPages &
  SessionSearchNoticesToPages;
