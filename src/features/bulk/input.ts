/** Reads the bulk page's Users text into members: one ID, mention, e-mail or profile link a line. */
import { parseUserRef, type UserRef } from '../../shared/ids';
import { MAX_BULK_MEMBERS } from './model';

export interface BulkMember {
  ref: UserRef;
  /** The line as written, trimmed. */
  given: string;
  /** 1-based. */
  line: number;
  email?: string;
}

export interface RefusedLine {
  line: number;
  text: string;
  reason: string;
}

export interface BulkInput {
  members: BulkMember[];
  refused: RefusedLine[];
  /** Lines naming a member named on an earlier line. */
  duplicates: number;
  /** Members named by e-mail, who have to be looked up. */
  emails: number;
  headerSkipped: boolean;
  /** More members than one job takes. */
  tooMany: boolean;
}

export function parseBulkInput(text: string): BulkInput {
  const members: BulkMember[] = [];
  const refused: RefusedLine[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  let emails = 0;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const given = raw.trim();
    if (given === '') return;
    const line = index + 1;
    const parsed = parseUserRef(given);
    if (!parsed.ok) {
      refused.push({ line, text: given, reason: parsed.message });
      return;
    }
    const ref = parsed.value;
    const key = ref.kind === 'id' ? ref.userId : ref.email;
    if (seen.has(key)) {
      duplicates++;
      return;
    }
    seen.add(key);
    if (ref.kind === 'email') {
      emails++;
      members.push({ ref, given, line, email: ref.email });
    } else {
      members.push({ ref, given, line });
    }
  });
  return {
    members,
    refused,
    duplicates,
    emails,
    headerSkipped: false,
    tooMany: members.length > MAX_BULK_MEMBERS,
  };
}
