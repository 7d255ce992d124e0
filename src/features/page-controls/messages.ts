/**
 * The content script on Slack's admin pages and the background. The page may only ask: the
 * background confirms in its own window, and tells the page how it went.
 */
import { userIdField } from '../../core/messaging/fields';
import { request } from '../../core/messaging/schema';
import type { UserId } from '../../shared/ids';
import type { FailureKind } from './model';

/** Content script → background. */
export const pageControlRequests = {
  'content/reset/ask': request({ userId: userIdField }).replies<{ opened: true }>(),
  /**
   * Only the admin-page markup hints, and whether this page gets buttons at all (an
   * organization may name its admin hosts); nothing about tokens or members.
   */
  'content/config/get': request({}).replies<{
    extraMemberSelectors: string[];
    placeControls: boolean;
  }>(),
};

/** Background → the content script of the tab that asked. */
export interface PageControlNoticesToContent {
  'bg-to-content/reset/progress': {
    userId: UserId;
    /** waiting: Slack answered 429 and the reset goes out again at `retryAt`. */
    state: 'working' | 'waiting' | 'done' | 'failed' | 'cancelled';
    message: string;
    /** Why a failed reset did not happen, for the control's short word. */
    why?: FailureKind;
    /** Epoch ms of the next try, while waiting. */
    retryAt?: number;
  };
}
