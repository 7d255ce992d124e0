/** Reading and changing a member's session policy, each change recorded in Activity. */
import { ActionError, toReplyError } from '../../../core/background/errors';
import type { OrgAccess } from '../../../core/background/slack-access';
import { RESENT_NOTE } from '../../../shared/format';
import { t } from '../../../shared/i18n';
import type { UserId } from '../../../shared/ids';
import type { SessionSettings, WriteOutcome } from '../../../slack';
import { memberLabel } from '../../members/model';
import { performRecorded } from '../../sessions/background/session-actions';
import type { PolicyOutcome } from '../messages';
import { type PolicyReading, policyWords, type SessionPolicy } from '../model';

function toReading(settings: SessionSettings): PolicyReading {
  return {
    duration: settings.duration,
    signOutOnClose: settings.desktopAppBrowserQuit,
    reported: settings.reported,
  };
}

export async function readPolicy(access: OrgAccess, userId: UserId): Promise<PolicyReading> {
  return toReading(await access.client.getSessionSettings(userId));
}

const either = (a: WriteOutcome, b?: WriteOutcome): WriteOutcome => ({
  resent: a.resent || Boolean(b?.resent),
});

/**
 * Makes the member's policy the one asked for. Slack sets no "default" for one member: for
 * the organization's duration the member's own settings are cleared, then the close choice,
 * if one was given, set again.
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
      if (wanted.signOutOnClose === undefined) return cleared;
      try {
        return either(
          cleared,
          await client.setSessionSettings(userId, { desktopAppBrowserQuit: wanted.signOutOnClose }),
        );
      } catch (error) {
        // Half done: the record and the admin must hear that the duration did change.
        throw new ActionError(
          'policy_partly_applied',
          t('policy_partlyApplied', toReplyError(error).message),
        );
      }
    },
    (o) => `${t('policy_nowNote', words)}${o.resent ? ` ${RESENT_NOTE}` : ''}`,
  );
  const message = t('policy_applied', memberLabel(member), words);
  return { policy: wanted, message: outcome.resent ? `${message} ${RESENT_NOTE}` : message };
}

export async function clearPolicy(access: OrgAccess, userId: UserId): Promise<PolicyOutcome> {
  const policy: SessionPolicy = {};
  const { member, outcome } = await performRecorded(
    access,
    userId,
    { action: 'clear-policy', source: 'popup' },
    () => access.client.clearSessionSettings(userId),
    (o) => `${t('policy_defaultsAgain')}${o.resent ? ` ${RESENT_NOTE}` : ''}`,
  );
  const message = t('policy_cleared', memberLabel(member));
  return { policy, message: outcome.resent ? `${message} ${RESENT_NOTE}` : message };
}
