import { describe, expect, it } from 'vitest';
import type { UserId } from '../../shared/ids';
import { knownRefusal, type MemberView } from './model';

const member = (over: Partial<MemberView>): MemberView => ({
  userId: 'U0123ABCD' as UserId,
  teams: [],
  isBot: false,
  isPrimaryOwner: false,
  deleted: false,
  ...over,
});

describe('knownRefusal', () => {
  it('names what Slack is known to refuse', () => {
    expect(knownRefusal(member({ isPrimaryOwner: true }), 'W0ADMIN')?.kind).toBe('primary-owner');
    expect(knownRefusal(member({ isBot: true }), 'W0ADMIN')?.kind).toBe('bot');
    expect(knownRefusal(member({ deleted: true }), 'W0ADMIN')?.kind).toBe('deactivated');
    expect(knownRefusal(member({}), 'W0ADMIN')).toBeUndefined();
  });

  it('takes the admin themself as self, even the primary owner (who may sign themselves out)', () => {
    expect(knownRefusal(member({}), 'U0123ABCD')?.kind).toBe('self');
    expect(knownRefusal(member({ isPrimaryOwner: true }), 'U0123ABCD')?.kind).toBe('self');
  });
});
