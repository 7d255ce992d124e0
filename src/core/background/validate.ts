/** Payload checks for the router: messages are re-validated here whatever the UI checked. */
import { REASON_MAX_LENGTH } from '../../features/activity/model';
import {
  type Parsed,
  parseSessionId,
  parseUserId,
  type SessionId,
  type UserId,
} from '../../shared/ids';
import { type DeviceScope, isDeviceScope } from '../../shared/scope';
import { ActionError } from './errors';

function invalid(message: string): ActionError {
  return new ActionError('invalid_input', message);
}

function unwrap<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw invalid(parsed.message);
  return parsed.value;
}

export function requireString(value: unknown, what: string, max = 4096): string {
  if (typeof value !== 'string') throw invalid(`The ${what} is missing.`);
  if (value.length > max) throw invalid(`The ${what} is too long.`);
  return value;
}

export function optionalReason(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return requireString(value, 'reason', REASON_MAX_LENGTH).trim() || undefined;
}

/** A saved token's ID, as the vault gave it to a page (never the token itself). */
export function requireTokenId(value: unknown): string {
  return requireString(value, 'token ID', 100);
}

export function requireUserId(value: unknown): UserId {
  return unwrap(parseUserId(requireString(value, 'user ID', 200)));
}

export function requireSessionId(value: unknown): SessionId {
  if (typeof value !== 'string' && typeof value !== 'number')
    throw invalid('The session ID is missing.');
  return unwrap(parseSessionId(value));
}

export function requireScope(value: unknown): DeviceScope {
  if (!isDeviceScope(value)) throw invalid('Choose All devices, Web only or Mobile only.');
  return value;
}

export function requireTeamId(value: unknown): string {
  const text = requireString(value, 'workspace ID', 40).trim().toUpperCase();
  if (!/^[TE][A-Z0-9]{8,31}$/.test(text)) throw invalid('That workspace ID is not valid.');
  return text;
}
