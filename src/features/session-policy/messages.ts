/** A member's session policy, read and changed from the popup: pages → background. */
import { tokenIdField, userIdField } from '../../core/messaging/fields';
import type { Field } from '../../core/messaging/schema';
import { bool, optional, request } from '../../core/messaging/schema';
import { parsedFail, parsedOk } from '../../shared/parsed';
import { MAX_DURATION_S, MIN_DURATION_S, type PolicyReading, type SessionPolicy } from './model';

const durationField: Field<number> = (raw) =>
  typeof raw === 'number' && Number.isInteger(raw) && raw >= MIN_DURATION_S && raw <= MAX_DURATION_S
    ? parsedOk(raw)
    : parsedFail(
        "Slack's shortest session is 8 hours and its longest 10 years: choose one in between.",
      );

/** What a change did, for the popup's status: the member named, the policy now in force. */
export interface PolicyOutcome {
  policy: SessionPolicy;
  message: string;
}

export const sessionPolicyRequests = {
  'ui/session-policy/get': request({
    userId: userIdField,
    tokenId: tokenIdField,
  }).replies<PolicyReading>(),
  // No duration: the organization's default. No close choice: the one in force is kept.
  'ui/session-policy/apply': request({
    userId: userIdField,
    tokenId: tokenIdField,
    duration: optional(durationField),
    signOutOnClose: optional(bool('choice to sign out when the app or browser closes')),
  }).replies<PolicyOutcome>(),
  'ui/session-policy/clear': request({
    userId: userIdField,
    tokenId: tokenIdField,
  }).replies<PolicyOutcome>(),
};
