import { describe, expect, it } from 'vitest';
import { DEVICE_SCOPES, isDeviceScope, parseDeviceScope, resetFlags, scopeWords } from './scope';

describe('resetFlags', () => {
  it('sends neither flag for all devices', () => {
    expect(resetFlags('all')).toEqual({});
  });

  it('sends only web_only for web', () => {
    expect(resetFlags('web')).toEqual({ web_only: 'true' });
  });

  it('sends only mobile_only for mobile', () => {
    expect(resetFlags('mobile')).toEqual({ mobile_only: 'true' });
  });

  it.each(DEVICE_SCOPES)('never sets both flags for %s', (scope) => {
    const flags = resetFlags(scope);
    expect(flags.web_only === 'true' && flags.mobile_only === 'true').toBe(false);
    expect(Object.keys(flags).length).toBeLessThanOrEqual(1);
    for (const value of Object.values(flags)) expect(value).toBe('true');
  });

  it('knows exactly three scopes', () => {
    expect([...DEVICE_SCOPES]).toEqual(['all', 'web', 'mobile']);
    expect(isDeviceScope('all')).toBe(true);
    expect(isDeviceScope('both')).toBe(false);
    expect(isDeviceScope(undefined)).toBe(false);
  });
});

describe('scopeWords and parseDeviceScope', () => {
  it('says each scope in a few words for an outcome', () => {
    expect(DEVICE_SCOPES.map(scopeWords)).toEqual([
      'all devices',
      'web browsers and desktop app',
      'mobile only',
    ]);
  });

  it('reads a scope, or says which three there are', () => {
    expect(parseDeviceScope('web')).toEqual({ ok: true, value: 'web' });
    const refused = parseDeviceScope('both');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/All devices, Web only or Mobile only\.$/);
  });
});
