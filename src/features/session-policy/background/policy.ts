/** Reading and changing a member's session policy, each change recorded in Activity. */
import type { OrgAccess } from '../../../core/background/slack-access';
import { RESENT_NOTE } from '../../../shared/format';
import type { UserId } from '../../../shared/ids';
import type { SessionSettings, WriteOutcome } from '../../../slack';
import { memberLabel } from '../../members/model';
import { performRecorded } from '../../sessions/background/session-actions';
import type { PolicyOutcome } from '../messages';
import { policyWords, type SessionPolicy } from '../model';

function toPolicy(settings: SessionSettings): SessionPolicy {
  return { duration: settings.duration, signOutOnClose: settings.desktopAppBrowserQuit === true };
}

export async function readPolicy(access: OrgAccess, userId: UserId): Promise<SessionPolicy> {
  return toPolicy(await access.client.getSessionSettings(userId));
}

const either = (a: WriteOutcome, b?: WriteOutcome): WriteOutcome => ({
  resent: a.resent || Boolean(b?.resent),
});

/**
 * Makes the member's policy the one asked for. Slack sets no "default" for one member: for
 * the organization's duration the member's own is cleared, then the close choice set again.
 */
export async function applyPolicy(
  access: OrgAccess,
  userId: UserId,
  wanted: SessionPolicy,
): Promise<PolicyOutcome> {
  const { client } = access;
  const words = policyWords(wanted);
  const { member, outcome } = await performRecorded(
    access,
    userId,
    { action: 'set-policy', source: 'popup' },
    async () => {
      if (wanted.duration !== undefined)
        return client.setSessionSettings(userId, {
          duration: wanted.duration,
          desktopAppBrowserQuit: wanted.signOutOnClose,
        });
      const cleared = await client.clearSessionSettings(userId);
      if (!wanted.signOutOnClose) return cleared;
      return either(
        cleared,
        await client.setSessionSettings(userId, { desktopAppBrowserQuit: true }),
      );
    },
    (o) => `Now ${words}.${o.resent ? ` ${RESENT_NOTE}` : ''}`,
  );
  const message = `Session policy of ${memberLabel(member)} applied: ${words}.`;
  return { policy: wanted, message: outcome.resent ? `${message} ${RESENT_NOTE}` : message };
}

export async function clearPolicy(access: OrgAccess, userId: UserId): Promise<PolicyOutcome> {
  const policy: SessionPolicy = { signOutOnClose: false };
  const { member, outcome } = await performRecorded(
    access,
    userId,
    { action: 'clear-policy', source: 'popup' },
    () => access.client.clearSessionSettings(userId),
    (o) => `The organization’s defaults apply again.${o.resent ? ` ${RESENT_NOTE}` : ''}`,
  );
  const message = `Session policy of ${memberLabel(member)} cleared: the organization’s defaults apply again.`;
  return { policy, message: outcome.resent ? `${message} ${RESENT_NOTE}` : message };
}
