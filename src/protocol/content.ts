/** What the content script uses: its few requests, and the background's notices to its tab. */
import { noticeListener } from '../core/messaging/listen';
import { requester } from '../core/messaging/send';
import type { ContentRequests, NoticesToContent } from '.';

export const askFromPage = /* @__PURE__ */ requester<ContentRequests>();
export const onNoticeToContent = /* @__PURE__ */ noticeListener<NoticesToContent>();
