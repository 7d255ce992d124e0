/**
 * A parked request: what a page button or a right-click asked for, as kept until the admin
 * answers, and as the confirmation window is shown it.
 */
import { describeUserRef, type UserRef } from '../../../shared/ids';
import type { DeviceScope } from '../../../shared/scope';
import type { ActionSource } from '../../activity/model';
import type { Asker, ConfirmationView } from '../messages';
import type { PageOrg } from './page-org';
import type { PendingConfirmation } from './store';

export interface ResetRequest {
  source: ActionSource;
  refs: UserRef[];
  scope: DeviceScope;
  /** The org to act with, or — for a page whose org is not known — the orgs to choose from. */
  org: PageOrg;
  asker: Asker;
  tabId?: number;
  /** The asking page itself, where the browser names it (Chromium). */
  documentId?: string;
}

export function park(request: ResetRequest): PendingConfirmation {
  const { org } = request;
  return {
    id: crypto.randomUUID(),
    source: request.source,
    tokenId: org.known ? org.org.id : undefined,
    org: org.known ? org.org.team : '',
    unknownHost: org.known ? undefined : org.host,
    candidates: org.known
      ? undefined
      : org.candidates.map((t) => ({ tokenId: t.id, team: t.team })),
    scope: request.scope,
    asker: request.asker,
    tabId: request.tabId,
    documentId: request.documentId,
    targets: request.refs.map((ref) => ({
      ref,
      label: describeUserRef(ref),
      userId: ref.kind === 'id' ? ref.userId : undefined,
    })),
  };
}

/** app.slack.com serves every org: only a workspace's or an org's own host can stand for one. */
export function isRememberable(host: string): boolean {
  return host !== 'app.slack.com' && host !== 'app.slack-gov.com';
}

export function view(pending: PendingConfirmation): ConfirmationView {
  return {
    id: pending.id,
    source: pending.source,
    org: pending.org,
    tokenId: pending.tokenId,
    orgChoice:
      pending.unknownHost !== undefined
        ? {
            host: pending.unknownHost,
            orgs: pending.candidates ?? [],
            rememberable: isRememberable(pending.unknownHost),
          }
        : undefined,
    asker: pending.asker,
    scope: pending.scope,
    targets: pending.targets.map((t) => ({
      label: t.label,
      userId: t.userId,
      email: t.ref.kind === 'email' ? t.ref.email : undefined,
      refusal: t.refusal,
    })),
    includeSelf: pending.includeSelf ?? false,
    outcomes: pending.outcomes,
  };
}

/** A page's tab and origin, for the window limits; the context menu has neither. */
export function askingOf(pending: PendingConfirmation): { tabId?: number; origin?: string } {
  return pending.source === 'page'
    ? { tabId: pending.tabId, origin: pending.asker.origin }
    : { tabId: pending.tabId };
}
