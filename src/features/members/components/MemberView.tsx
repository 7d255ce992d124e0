/**
 * The looked-up member at a glance: who they are, their sessions (each can be ended from
 * here) and their own session policy.
 */
import type { ReplyError } from '../../../core/messaging/reply';
import { ask } from '../../../protocol/pages';
import { t } from '../../../shared/i18n';
import type { Regions } from '../../../ui/regions';
import { SessionPolicy } from '../../session-policy/components/SessionPolicy';
import { SessionsTable } from '../../sessions/components/SessionsTable';
import type { SessionView } from '../../sessions/model';
import { accountType, memberLabel, type ShownMember } from '../model';

/** A looked-up member and the sessions Slack listed for them. */
export interface MemberSessions {
  member: ShownMember;
  list: SessionView[];
}

function sessionCount(n: number): string {
  return n === 1 ? t('member_sessionsOne') : t('member_sessionsMany', n);
}

function MemberHeading({ member, count }: { member: ShownMember; count: number }) {
  const facts = [member.email, accountType(member)].filter(Boolean);
  return (
    <div class="member-head">
      <h2>{member.name ?? member.userId}</h2>
      <p class="hint">
        {facts.map((f) => (
          <span key={f} class="token">
            {f}
          </span>
        ))}
        {member.name && <span class="token">{member.userId}</span>}
      </p>
      <p class="hint">
        {/* None is said below, where the sessions would be. */}
        {count > 0 && <span class="token">{sessionCount(count)}</span>}
        {member.teams.length > 0 && (
          <span class="token">
            {t(
              member.teams.length === 1 ? 'member_workspace' : 'member_workspaces',
              member.teams.join(', '),
            )}
          </span>
        )}
      </p>
    </div>
  );
}

export function MemberView(props: {
  shown: MemberSessions | undefined;
  onChange: (shown: MemberSessions) => void;
  regions: Regions;
  /** The background answered, either way: Activity has a new entry. */
  onAnswered: () => void;
  onError: (error: ReplyError) => void;
}) {
  const { shown, regions } = props;
  if (!shown) return null;

  const invalidate = async (session: SessionView) => {
    regions.clear();
    const reply = await ask('ui/sessions/invalidate', {
      userId: shown.member.userId,
      tokenId: shown.member.tokenId,
      sessionId: session.sessionId,
      teamId: session.teamId,
    });
    props.onAnswered();
    // The row (and its buttons) may go away: focus goes to what happened.
    regions.focusOutcome();
    if (!reply.ok) return props.onError(reply.error);
    props.onChange({
      ...shown,
      list: shown.list.filter((s) => s.sessionId !== session.sessionId),
    });
    regions.status(reply.value.message);
  };

  return (
    <section class="member-card" aria-label={t('member_sessionsOf', memberLabel(shown.member))}>
      <MemberHeading member={shown.member} count={shown.list.length} />
      <SessionsTable member={shown.member} sessions={shown.list} onInvalidate={invalidate} />
      {shown.member.isBot ? (
        <p class="hint">{t('member_botNoPolicy')}</p>
      ) : (
        <SessionPolicy
          member={shown.member}
          regions={regions}
          onAnswered={props.onAnswered}
          onError={props.onError}
        />
      )}
    </section>
  );
}
