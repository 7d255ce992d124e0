/** The looked-up member's sessions, as the popup lists them; each can be ended from here. */
import type { ReplyError } from '../../../core/messaging/reply';
import { ask } from '../../../protocol/pages';
import type { Regions } from '../../../ui/regions';
import { SessionsTable } from '../../sessions/components/SessionsTable';
import type { SessionView } from '../../sessions/model';
import type { ShownMember } from '../model';

/** A looked-up member and the sessions Slack listed for them. */
export interface MemberSessions {
  member: ShownMember;
  list: SessionView[];
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
    if (!reply.ok) return props.onError(reply.error);
    props.onChange({
      ...shown,
      list: shown.list.filter((s) => s.sessionId !== session.sessionId),
    });
    regions.status(reply.value.message);
  };

  return <SessionsTable member={shown.member} sessions={shown.list} onInvalidate={invalidate} />;
}
