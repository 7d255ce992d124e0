/** Resetting a member and listing or ending their sessions: pages → background. */
import {
  reasonField,
  scopeField,
  sessionIdField,
  tokenIdField,
  userIdField,
  workspaceIdField,
} from '../../core/messaging/fields';
import { oneOf, optional, request, text } from '../../core/messaging/schema';
import type { SessionId, UserId } from '../../shared/ids';
import type { DeviceScope } from '../../shared/scope';
import type { MemberView } from '../members/model';
import type { SessionView, SignOutCheck } from './model';

export interface ResetOutcome {
  member: MemberView;
  /** The reset's Activity entry. */
  activityId: string;
  org: string;
  scope: DeviceScope;
  /** The first attempt timed out, so the request was sent twice. */
  resent: boolean;
}

/** Background → pages. */
export interface ResetNoticesToPages {
  /**
   * Slack answered 429 to a member's reset and it goes out again at `retryAt` (epoch ms). From
   * the popup: `tokenId` + `userId`; from a confirmation window: its `confirmationId`.
   */
  'bg-to-pages/reset/waiting': {
    userId?: UserId;
    tokenId?: string;
    confirmationId?: string;
    seconds: number;
    retryAt: number;
  };
}

/** The surfaces that send resets themselves; a page button or right-click is confirmed first. */
const SENDING_SURFACES = ['popup', 'bulk'] as const;

// `tokenId` everywhere: the org the admin saw; refused if another became active since.
export const sessionRequests = {
  'ui/sessions/reset': request({
    userId: userIdField,
    tokenId: tokenIdField,
    scope: scopeField,
    reason: reasonField,
    source: oneOf(SENDING_SURFACES, 'Say whether the popup or the bulk page sent this.'),
  }).replies<ResetOutcome>(),
  // After a reset: lists the member again, to say whether the sign-out took.
  'ui/sessions/check': request({
    userId: userIdField,
    tokenId: tokenIdField,
    scope: scopeField,
    // The reset's entry, which gets what the check found.
    activityId: optional(text('activity entry', 100)),
  }).replies<SignOutCheck>(),
  'ui/sessions/list': request({ userId: userIdField, tokenId: tokenIdField }).replies<
    SessionView[]
  >(),
  'ui/sessions/invalidate': request({
    userId: userIdField,
    tokenId: tokenIdField,
    sessionId: sessionIdField,
    teamId: workspaceIdField,
    reason: reasonField,
  }).replies<{ sessionId: SessionId; message: string }>(),
};
