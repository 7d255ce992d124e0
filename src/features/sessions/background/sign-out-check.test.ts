import { describe, expect, it } from 'vitest';
import type { SessionId, UserId } from '../../../shared/ids';
import type { MemberView } from '../../members/model';
import { type SessionView, sessionKind } from '../model';
import { signOutSentence } from './sign-out-check';

const ADA: MemberView = {
  userId: 'U0ADA' as UserId,
  name: 'Ada Lovelace',
  teams: ['T1'],
  isBot: false,
  isPrimaryOwner: false,
  deleted: false,
};

const session = (over: Partial<SessionView>): SessionView => ({
  sessionId: '1112275520242' as SessionId,
  teamId: 'T1',
  ...over,
});
const IPHONE = session({
  device: 'iPhone15,2',
  os: 'iOS 17.2',
  clientVersion: '23.12.10',
  lastSeenIp: '192.0.2.7',
});
const DESKTOP = session({
  device: 'x64',
  os: 'Windows 10.0.22631',
  clientVersion: '4.36.140',
  lastSeenIp: '192.0.2.8',
});
const BROWSER = session({ device: 'Intel', os: 'OS X 14.2.1', clientVersion: '120.0.6099.109' });

describe('sessionKind', () => {
  it('tells mobile apps, the desktop app and browsers apart from what Slack lists', () => {
    expect(sessionKind(IPHONE)).toBe('mobile');
    expect(
      sessionKind(session({ device: 'Pixel 8', os: 'Android 14', clientVersion: '23.12.10.0' })),
    ).toBe('mobile');
    expect(sessionKind(DESKTOP)).toBe('desktop');
    expect(sessionKind(BROWSER)).toBe('web');
    expect(sessionKind(session({}))).toBe('unknown');
  });
});

describe('signOutSentence', () => {
  it('says no active sessions remain after a reset of all devices that took', () => {
    expect(signOutSentence(ADA, 'all', [])).toBe(
      'Ada Lovelace is signed out: no active sessions remain.',
    );
  });

  it('names a session the reset should have ended, with what to do', () => {
    const text = signOutSentence(ADA, 'all', [DESKTOP]);
    expect(text).toContain(
      'Ada Lovelace still has 1 active session that the reset should have ended',
    );
    expect(text).toContain('Desktop app on Windows 10.0.22631 (x64), seen from 192.0.2.8');
    expect(text).toContain('Invalidate');
  });

  it('after Web only, names the mobile sessions as expected to remain', () => {
    const text = signOutSentence(ADA, 'web', [IPHONE]);
    expect(text).toBe(
      'Ada Lovelace is signed out of web browsers and the desktop app: 1 mobile session remains, which Web only leaves signed in: Mobile app on iOS 17.2 (iPhone15,2), seen from 192.0.2.7.',
    );
  });

  it('after Web only, a browser session still listed is one the reset should have ended', () => {
    const text = signOutSentence(ADA, 'web', [IPHONE, BROWSER]);
    expect(text).toMatch(
      /^Ada Lovelace still has 1 active session that the reset should have ended: Web browser on OS X/,
    );
  });

  it('after Mobile only, the rest are expected to remain', () => {
    expect(signOutSentence(ADA, 'mobile', [DESKTOP, BROWSER])).toMatch(
      /^Ada Lovelace is signed out of the mobile apps: 2 web or desktop sessions remain, which Mobile only leaves signed in/,
    );
    expect(signOutSentence(ADA, 'mobile', [])).toBe(
      'Ada Lovelace is signed out of the mobile apps: none of those sessions remain.',
    );
  });

  it('uses the ID for a member Slack gave no name', () => {
    expect(signOutSentence({ ...ADA, name: undefined }, 'all', [])).toBe(
      'U0ADA is signed out: no active sessions remain.',
    );
  });
});
