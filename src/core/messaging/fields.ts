/** Payload fields every capability reads the same way, built on the shared ID parsers. */
import {
  parseSessionId,
  parseUserId,
  parseWorkspaceOrOrgId,
  type SessionId,
} from '../../shared/ids';
import { parsedOk } from '../../shared/parsed';
import { REASON_MAX_LENGTH } from '../../shared/reason';
import { type DeviceScope, parseDeviceScope } from '../../shared/scope';
import { type Field, type OptionalField, parsedText, text } from './schema';

export const userIdField = parsedText('user ID', parseUserId);

/** A workspace's (T…) or the organization's (E…) ID, as a session row carries it. */
export const workspaceIdField = parsedText<string>('workspace ID', parseWorkspaceOrOrgId, 40);

/** Digit strings, or a number a UI has not rounded (a safe integer). */
export const sessionIdField: Field<SessionId> = (raw) => {
  if (typeof raw === 'number') return parseSessionId(raw);
  const read = text('session ID', 40)(raw);
  return read.ok ? parseSessionId(read.value) : read;
};

export const scopeField: Field<DeviceScope> = parseDeviceScope;

/** A saved token's ID, as the vault gave it to a page (never the token itself). */
export const tokenIdField = text('token ID', 100);

/** A parked confirmation's ID. */
export const requestIdField = text('request', 100);

/** The admin's reason: trimmed, and left out when empty. */
export const reasonField: OptionalField<string> = Object.assign(
  (raw: unknown) => {
    if (raw === undefined || raw === null) return parsedOk(undefined);
    const read = text('reason', REASON_MAX_LENGTH)(raw);
    return read.ok ? parsedOk(read.value.trim() || undefined) : read;
  },
  { optional: true as const },
);
