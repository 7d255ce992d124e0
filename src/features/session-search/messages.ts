/** Searching the org's sessions and ending the matches: pages → background, and back. */
import {
  reasonField,
  sessionIdField,
  tokenIdField,
  userIdField,
  workspaceIdField,
} from '../../core/messaging/fields';
import { list, object, optional, request, text } from '../../core/messaging/schema';
import type { UserId } from '../../shared/ids';
import type { BulkJobSummary } from '../bulk/model';
import type { SessionsPageView } from './model';

/** One job ends at most this many sessions (at Tier 2 pace, about eight hours of requests). */
export const MAX_SESSIONS_TO_END = 10_000;
/** Names are looked up for the rows in view, a screenful at a time. */
export const MAX_NAMES_AT_ONCE = 60;

/** A session to end, with the workspace and member the listing named. */
const listedSession = object({
  sessionId: sessionIdField,
  teamId: workspaceIdField,
  userId: userIdField,
});

export interface KnownMember {
  userId: UserId;
  name?: string;
  email?: string;
}

export const sessionSearchRequests = {
  /** The next page of every active session in the org (the first without a cursor). */
  'ui/session-search/page': request({
    tokenId: tokenIdField,
    cursor: optional(text('page cursor', 1000)),
  }).replies<SessionsPageView>(),
  /** Ends exactly these sessions, one request each, as a job of the bulk runner. */
  'ui/session-search/invalidate': request({
    tokenId: tokenIdField,
    sessions: list(listedSession, MAX_SESSIONS_TO_END, 'sessions'),
    reason: reasonField,
  }).replies<BulkJobSummary>(),
  /** Signs these members out everywhere, through the bulk engines. */
  'ui/session-search/reset': request({
    tokenId: tokenIdField,
    userIds: list(userIdField, MAX_SESSIONS_TO_END, 'members'),
    reason: reasonField,
  }).replies<BulkJobSummary>(),
  /** Names and e-mail addresses of members, as far as the token may read them. */
  'ui/session-search/names': request({
    tokenId: tokenIdField,
    userIds: list(userIdField, MAX_NAMES_AT_ONCE, 'members'),
  }).replies<{ members: KnownMember[] }>(),
};

/** Background → extension pages. */
export interface SessionSearchNoticesToPages {
  /** Slack asked to wait before the next page of sessions. */
  'bg-to-pages/session-search/waiting': { tokenId: string; seconds: number };
}
