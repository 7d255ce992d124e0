/**
 * The confirmation window and the background. A page button or a right-click only parks a
 * request; these are the window's questions and answers about it.
 */
import { reasonField, requestIdField, scopeField, tokenIdField } from '../../core/messaging/fields';
import { request, yes } from '../../core/messaging/schema';
import type { UserId } from '../../shared/ids';
import type { DeviceScope } from '../../shared/scope';
import type { ActionSource } from '../activity/model';
import type { KnownRefusal } from '../members/model';

/** Which page or surface asked for a confirmation, as the browser (not the page) reported it. */
export interface Asker {
  surface: 'page' | 'context-menu';
  /** The page's origin, e.g. `https://acme.slack.com`. */
  origin?: string;
  /** The tab's title, shortened. */
  title?: string;
}

export interface ConfirmationOutcome {
  label: string;
  ok: boolean;
  /** A sentence that names the member. */
  message: string;
  /** Known beforehand that Slack would refuse it: nothing was sent for this member. */
  notSent?: boolean;
  /** Failed for a reason that may pass on another try (a wait, the network, Slack's outage). */
  retryable?: boolean;
  /** A worker stop or a timeout left it unknown whether Slack did it. */
  unknown?: boolean;
  /** The member's sessions were listed again and the message says what remains. */
  checked?: boolean;
}

export interface ConfirmationView {
  id: string;
  source: ActionSource;
  /** The org that will act; empty while the admin has to pick one (see `orgChoice`). */
  org: string;
  tokenId?: string;
  /** The page's org is not one the extension knows: the admin picks a saved org, or cancels. */
  orgChoice?: {
    host: string;
    orgs: { tokenId: string; team: string }[];
    /** Whether the host can stand for one org (a workspace's own), so the choice can be kept. */
    rememberable: boolean;
  };
  asker: Asker;
  targets: { label: string; userId?: UserId; email?: string; refusal?: KnownRefusal }[];
  scope: DeviceScope;
  /** The admin's own account is among the targets and is to be signed out too. */
  includeSelf: boolean;
  /** Set once the admin answered; the page then shows the outcome. */
  outcomes?: ConfirmationOutcome[];
  /** The admin chose Cancel: nothing was sent. */
  cancelled?: boolean;
}

export const confirmRequests = {
  'ui/confirmation/get': request({ id: requestIdField }).replies<ConfirmationView>(),
  /** The admin picked the org a page of unknown org belongs to. */
  'ui/confirmation/choose-org': request({
    id: requestIdField,
    tokenId: tokenIdField,
    remember: yes,
  }).replies<ConfirmationView>(),
  'ui/confirmation/answer': request({
    id: requestIdField,
    confirmed: yes,
    scope: scopeField,
    reason: reasonField,
    includeSelf: yes,
  }).replies<ConfirmationView>(),
  /** Sends again the resets that failed for a reason that may pass. */
  'ui/confirmation/retry-failed': request({ id: requestIdField }).replies<ConfirmationView>(),
};
