/**
 * Member names for the Sessions page, looked up only for the rows in view (users.info, one per
 * member, asked once), and for an e-mail address typed into the Member filter.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ask } from '../../../protocol/pages';
import { parseEmail, type UserId } from '../../../shared/ids';
import type { MemberNames } from '../filter';
import { type KnownMember, MAX_NAMES_AT_ONCE } from '../messages';

/** Rows scrolled past quickly are not looked up. */
const SETTLE_MS = 150;

export function useMemberNames(tokenId: string | undefined) {
  const [known, setKnown] = useState<ReadonlyMap<string, KnownMember>>(new Map());
  const asked = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const live = useRef(tokenId);
  live.current = tokenId;

  useEffect(() => {
    asked.current = new Set();
    setKnown(new Map());
  }, [tokenId]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const learn = (members: readonly KnownMember[]) =>
    setKnown((before) => {
      const after = new Map(before);
      for (const m of members) after.set(m.userId, m);
      return after;
    });

  const lookUp = async (userIds: UserId[]) => {
    const forToken = live.current;
    const wanted = userIds.filter((id) => !asked.current.has(id)).slice(0, MAX_NAMES_AT_ONCE);
    if (!forToken || wanted.length === 0) return;
    for (const id of wanted) asked.current.add(id);
    const reply = await ask('ui/session-search/names', { tokenId: forToken, userIds: wanted });
    // Names are a courtesy: a failure leaves the IDs, and the next scroll asks again.
    if (!reply.ok) {
      for (const id of wanted) asked.current.delete(id);
      return;
    }
    if (forToken === live.current) learn(reply.value.members);
  };

  const names: MemberNames = {
    nameOf: (userId) => known.get(userId)?.name,
    emailOf: (userId) => known.get(userId)?.email,
  };

  return {
    known,
    names,
    /** The rows in view changed: look up their members once they settle. */
    inView: (userIds: UserId[]) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void lookUp(userIds), SETTLE_MS);
    },
    /** An e-mail address typed as the Member filter: who has it (so the filter finds them). */
    findByEmail: async (text: string) => {
      const email = parseEmail(text);
      if (!email.ok) return;
      const reply = await ask('ui/member/resolve', { input: email.value });
      if (reply.ok && reply.value.tokenId === live.current) {
        const { userId, name, email: address } = reply.value;
        learn([{ userId, name, email: address ?? email.value }]);
      }
    },
  };
}
