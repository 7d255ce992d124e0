/** What extension pages use: requests to the background, and the background's notices to them. */
import { noticeListener } from '../core/messaging/listen';
import { requester } from '../core/messaging/send';
import type { NoticesToPages, UiRequests } from '.';

export const ask = /* @__PURE__ */ requester<UiRequests>();
export const onNoticeToPages = /* @__PURE__ */ noticeListener<NoticesToPages>();
