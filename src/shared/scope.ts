import { type Parsed, parsedFail, parsedOk } from './parsed';

/** Which of a member's sessions a reset ends. Maps to Slack's two flags, never both true. */
export type DeviceScope = 'all' | 'web' | 'mobile';

export const DEVICE_SCOPES: readonly DeviceScope[] = ['all', 'web', 'mobile'];

export const DEVICE_SCOPE_LABEL: Record<DeviceScope, string> = {
  all: 'All devices',
  web: 'Web only',
  mobile: 'Mobile only',
};

/** What a reset with this scope does, in words an admin reads before confirming. */
export const DEVICE_SCOPE_EFFECT: Record<DeviceScope, string> = {
  all: 'signed out of Slack on every device',
  // Slack's "web" sessions are the desktop app's as well as the browsers'.
  web: 'signed out of Slack in web browsers and the desktop app (not on mobile)',
  mobile: 'signed out of Slack on mobile devices only',
};

/** What each choice covers, said once beside the radios. */
export const DEVICE_SCOPE_HINT =
  'Web only includes the desktop app (Slack counts it as web); Mobile only is the phone and tablet apps.';

/** The scope in a few words, for outcomes: "Signed Ada out (web only)." */
export function scopeWords(scope: DeviceScope): string {
  return scope === 'all'
    ? 'all devices'
    : scope === 'web'
      ? 'web browsers and desktop app'
      : 'mobile only';
}

export function isDeviceScope(value: unknown): value is DeviceScope {
  return value === 'all' || value === 'web' || value === 'mobile';
}

export function parseDeviceScope(value: unknown): Parsed<DeviceScope> {
  return isDeviceScope(value)
    ? parsedOk(value)
    : parsedFail('Choose which devices to sign out of: All devices, Web only or Mobile only.');
}

/** Slack's arguments for a scope. "All devices" sends neither flag (Slack's default). */
export function resetFlags(scope: DeviceScope): { web_only?: 'true'; mobile_only?: 'true' } {
  if (scope === 'web') return { web_only: 'true' };
  if (scope === 'mobile') return { mobile_only: 'true' };
  return {};
}
