/** Member IDs to act on: the fake's generated members (no bots, owners, admins or deleted). */
import { type FakeSlack, SANDBOX } from '../test/fake-slack';

export function generatedMembers(fake: FakeSlack): string[] {
  return [...fake.org.members.values()]
    .filter(
      (m) =>
        m.id.startsWith(SANDBOX.generatedPrefix) &&
        !m.isBot &&
        !m.deleted &&
        !m.isAdmin &&
        !m.isOwner &&
        !m.isPrimaryOwner,
    )
    .map((m) => m.id);
}

/** Hands out distinct members, so no two measurements act on the same person. */
export class MemberPool {
  private next = 0;
  constructor(private readonly ids: readonly string[]) {}

  take(count: number): string[] {
    if (this.next + count > this.ids.length) {
      throw new Error(`needed ${count} more members, only ${this.ids.length - this.next} left`);
    }
    const taken = this.ids.slice(this.next, this.next + count);
    this.next += count;
    return taken;
  }
}
