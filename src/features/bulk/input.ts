/** Interim: one member per line (replaced by the full CSV-aware parser). */
import { type Parsed, parseUserRef, type UserRef } from '../../shared/ids';
import { MAX_BULK_MEMBERS } from './model';

export interface BulkMember {
  ref: UserRef;
  given: string;
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
  duplicates: number;
  emails: number;
  headerSkipped: boolean;
  tooMany: boolean;
}

export function parseBulkInput(text: string): BulkInput {
  const result: BulkInput = {
    members: [],
    refused: [],
    duplicates: 0,
    emails: 0,
    headerSkipped: false,
    tooMany: false,
  };
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const given = lines[i]!.trim();
    if (!given) continue;
    const ref: Parsed<UserRef> = parseUserRef(given);
    if (!ref.ok) {
      result.refused.push({ line: i + 1, text: given, reason: ref.message });
      continue;
    }
    const key = ref.value.kind === 'id' ? ref.value.userId : ref.value.email;
    if (seen.has(key)) {
      result.duplicates++;
      continue;
    }
    seen.add(key);
    if (result.members.length >= MAX_BULK_MEMBERS) {
      result.tooMany = true;
      continue;
    }
    if (ref.value.kind === 'email') result.emails++;
    result.members.push({ ref: ref.value, given, line: i + 1 });
  }
  return result;
}
