import { t } from './i18n';
import { type Parsed, parsedFail, parsedOk } from './parsed';

/** Which of a member's sessions a reset ends. Maps to Slack's two flags, never both true. */
export type DeviceScope = 'all' | 'web' | 'mobile';

export const DEVICE_SCOPES: readonly DeviceScope[] = ['all', 'web', 'mobile'];

export const DEVICE_SCOPE_LABEL: Record<DeviceScope, string> = {
  all: t('scope_all'),
  web: t('scope_web'),
  mobile: t('scope_mobile'),
};

/** What a reset with this scope does, in words an admin reads before confirming. */
export const DEVICE_SCOPE_EFFECT: Record<DeviceScope, string> = {
  all: t('scope_effectAll'),
  // Slack's "web" sessions are the desktop app's as well as the browsers'.
  web: t('scope_effectWeb'),
  mobile: t('scope_effectMobile'),
};

/** What each choice covers, said once beside the radios. */
export const DEVICE_SCOPE_HINT = t('scope_hint');

/** The scope in a few words, for outcomes: "Signed Ada out (web only)." */
export function scopeWords(scope: DeviceScope): string {
  return scope === 'all'
    ? t('scope_wordsAll')
    : scope === 'web'
      ? t('scope_wordsWeb')
      : t('scope_wordsMobile');
}

export function isDeviceScope(value: unknown): value is DeviceScope {
  return value === 'all' || value === 'web' || value === 'mobile';
}

export function parseDeviceScope(value: unknown): Parsed<DeviceScope> {
  return isDeviceScope(value) ? parsedOk(value) : parsedFail(t('scope_choose'));
}

/** Slack's arguments for a scope. "All devices" sends neither flag (Slack's default). */
export function resetFlags(scope: DeviceScope): { web_only?: 'true'; mobile_only?: 'true' } {
  if (scope === 'web') return { web_only: 'true' };
  if (scope === 'mobile') return { mobile_only: 'true' };
  return {};
}
