import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { i18nFor } from '../../test/support/i18n';
import { SLACK_ERROR_CODES } from '../../test/support/slack-error-codes';
import { describeSlackError, isKnownErrorCode, KNOWN_ERROR_CODES } from '.';
import { describeNoSiteAccess } from './catalogue';

/** Every error code named in the Slack API reference (common errors and each method's list). */
const REFERENCE_CODES = [...new Set(Object.values(SLACK_ERROR_CODES).flat())];

const METHODS = [
  undefined,
  'admin.users.session.reset',
  'admin.users.session.resetBulk',
  'admin.users.session.invalidate',
  'admin.users.session.list',
  'admin.users.session.getSettings',
  'admin.users.session.setSettings',
  'admin.users.session.clearSettings',
  'users.lookupByEmail',
  'users.info',
  'auth.test',
  'admin.users.list',
];

const fallbackOf = (code: string) => `Slack answered with the error “${code}”.`;

describe('describeSlackError', () => {
  it('knows every code in the reference', () => {
    for (const code of REFERENCE_CODES) expect(KNOWN_ERROR_CODES).toContain(code);
  });

  it.each(REFERENCE_CODES)('%s has a plain sentence for every method', (code) => {
    expect(isKnownErrorCode(code)).toBe(true);
    for (const method of METHODS) {
      const sentence = describeSlackError(code, { method });
      expect(sentence).not.toContain(fallbackOf(code));
      expect(sentence).not.toContain(code);
      expect(sentence).toMatch(/^[A-Z“]/);
      expect(sentence).toMatch(/\.$/);
      expect(sentence).not.toMatch(/\berror\b/i);
      // What happened, then what to do: more than a bare phrase.
      expect(sentence.split(/\s+/).length).toBeGreaterThanOrEqual(8);
    }
  });

  it('uses the required wording for the primary owner', () => {
    expect(describeSlackError('cannot_reset_primary_owner')).toBe(
      "The primary owner's sessions can only be reset by the primary owner.",
    );
  });

  it('names the needed scope for missing_scope', () => {
    expect(describeSlackError('missing_scope', { needed: 'admin.users:write' })).toBe(
      "This token is missing the admin.users:write scope. Add it to the app's user token scopes, reinstall the app on the whole organization, and save the new token.",
    );
    expect(
      describeSlackError('missing_scope', { needed: 'admin.users:read,admin.users:write' }),
    ).toContain('the admin.users:read and admin.users:write scopes');
    expect(describeSlackError('missing_scope', { needed: 'a, b,c' })).toContain(
      'the a, b and c scopes',
    );
  });

  it('falls back to the method’s scope for missing_scope without needed', () => {
    expect(describeSlackError('missing_scope', { method: 'admin.users.session.list' })).toContain(
      'admin.users:read scope',
    );
    expect(describeSlackError('missing_scope', { method: 'users.lookupByEmail' })).toContain(
      'users:read.email scope',
    );
    expect(describeSlackError('missing_scope')).toContain('a permission (scope)');
  });

  it('ignores a needed value that is not a scope name', () => {
    const sentence = describeSlackError('missing_scope', {
      needed: '<img src=x onerror=alert(1)>',
    });
    expect(sentence).not.toContain('<img');
  });

  it.each(['invalid_auth', 'token_revoked', 'token_expired', 'account_inactive'])(
    '%s tells the admin to save a new token',
    (code) => {
      expect(describeSlackError(code)).toMatch(/[Ss]ave a (new )?token/);
    },
  );

  it('explains that not_allowed_token_type needs a user token from an org-wide install', () => {
    const sentence = describeSlackError('not_allowed_token_type');
    expect(sentence).toContain('xoxp-');
    expect(sentence).toMatch(/user token/);
    expect(sentence).toMatch(/whole Enterprise organization/);
  });

  it('says Slack asked to wait for ratelimited, with the wait when known', () => {
    expect(describeSlackError('ratelimited')).toMatch(/Slack asked to wait/);
    expect(describeSlackError('ratelimited', { retryAfterSeconds: 45 })).toMatch(
      /Slack asked to wait 45 seconds/,
    );
    expect(describeSlackError('ratelimited', { retryAfterSeconds: 1 })).toMatch(/1 second /);
  });

  it('names member problems plainly', () => {
    expect(describeSlackError('user_not_found')).toMatch(/could not find that member/);
    expect(describeSlackError('users_not_found')).toMatch(
      /No Slack member has that e-mail address/,
    );
  });

  it('specialises sentences by method', () => {
    const reset = describeSlackError('user_not_found', { method: 'admin.users.session.reset' });
    const list = describeSlackError('user_not_found', { method: 'admin.users.session.list' });
    const bulk = describeSlackError('user_not_found', { method: 'admin.users.session.resetBulk' });
    expect(new Set([reset, list, bulk]).size).toBe(3);
    expect(reset).toMatch(/no sessions were reset/);
    expect(list).toMatch(/workspace/);
    expect(
      describeSlackError('cannot_reset_bot', { method: 'admin.users.session.resetBulk' }),
    ).toMatch(/list/);
  });

  it('shows an unknown code with a hint, never just "error"', () => {
    const sentence = describeSlackError('some_new_code');
    expect(sentence).toMatch(/^Slack answered with the error “some_new_code”\. /);
    expect(sentence.length).toBeGreaterThan(fallbackOf('some_new_code').length + 10);
    expect(isKnownErrorCode('some_new_code')).toBe(false);
  });

  it('cleans an unknown code before showing it', () => {
    expect(describeSlackError('<b>bad</b> code')).toContain('“bbadbcode”');
    expect(describeSlackError('x'.repeat(500))).toContain(`“${'x'.repeat(64)}”`);
    expect(describeSlackError('')).toMatch(/without saying why/);
    expect(describeSlackError('constructor')).toContain('“constructor”');
    expect(describeSlackError('__proto__')).toContain('“__proto__”');
  });
});

describe('the session settings methods', () => {
  const GET = 'admin.users.session.getSettings';
  const SET = 'admin.users.session.setSettings';
  const CLEAR = 'admin.users.session.clearSettings';
  const all = (pattern: RegExp) => ({ [GET]: pattern, [SET]: pattern, [CLEAR]: pattern });

  /** What each code of the reference for these methods must say, per method. */
  const EXPECTED: Record<string, Record<string, RegExp>> = {
    admin_unauthorized: {
      [GET]: /not allowed to view session settings\. Save a token from an org owner/,
      [SET]: /not allowed to change session settings\. Save a token from an org owner/,
      [CLEAR]: /not allowed to change session settings\. Save a token from an org owner/,
    },
    at_least_one_session_setting_required: all(/^Choose a session duration .*at least one setting/),
    bots_not_allowed: all(/^Bot users have no session policy.*Pick a human member\.$/),
    feature_not_enabled: all(/only available on Slack Enterprise organizations/),
    internal_error: {
      [GET]: /temporary problem and could not read the session settings\. Wait a moment/,
      [SET]: /session settings may or may not have changed\. Wait a moment, check them/,
      [CLEAR]: /session settings may or may not have changed\. Wait a moment, check them/,
    },
    invalid_arguments: {
      [GET]: /rejected the user ID sent, so the session settings could not be read\. Check/,
      [SET]: /session duration must be between 8 hours and 10 years\. Check the settings/,
      [CLEAR]: /rejected the user ID sent, so the session settings were not cleared\. Check/,
    },
    invalid_auth: all(/did not accept this token.*Save a new token/),
    restricted_action: all(/do not allow this\. Ask your Slack owner .*session management/),
    not_an_admin: all(/not an org owner or org admin\. Save a token/),
    unknown_method: all(/does not offer this API method to this organization/),
    user_not_found: {
      [GET]: /find that member, so their session settings can't be shown\. Check the user ID/,
      [SET]: /find that member, so their session settings were not changed\. Check the user ID/,
      [CLEAR]: /find that member, so their session settings were not cleared\. Check the user ID/,
    },
    ratelimited: all(/^Slack asked to wait .*Wait a minute and try again\.$/),
    unable_to_update_existing_sessions: all(/could not apply the new settings.*Wait a moment/),
  };

  it('cover every code the reference lists for them', () => {
    const listed = new Set([
      ...SLACK_ERROR_CODES[GET]!,
      ...SLACK_ERROR_CODES[SET]!,
      ...SLACK_ERROR_CODES[CLEAR]!,
    ]);
    expect(Object.keys(EXPECTED).sort()).toEqual([...listed].sort());
  });

  it.each(
    Object.entries(EXPECTED).flatMap(([code, byMethod]) =>
      Object.entries(byMethod).map(([method, pattern]) => [code, method, pattern] as const),
    ),
  )('%s for %s has its own sentence', (code, method, pattern) => {
    expect(isKnownErrorCode(code)).toBe(true);
    expect(describeSlackError(code, { method })).toMatch(pattern);
  });

  it('word a member problem differently for each of them and for resets', () => {
    const sentences = [GET, SET, CLEAR, 'admin.users.session.reset'].map((method) =>
      describeSlackError('user_not_found', { method }),
    );
    expect(new Set(sentences).size).toBe(4);
    expect(describeSlackError('bots_not_allowed', { method: 'admin.users.session.list' })).toBe(
      'Slack does not list the sessions of bot users. Pick a human member.',
    );
  });
});

describe('the reference codes', () => {
  it('are a plausible number of codes, none of them an argument name', () => {
    expect(REFERENCE_CODES.length).toBeGreaterThanOrEqual(50);
    for (const code of REFERENCE_CODES) expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
    for (const argument of ['user', 'user_id', 'team_id', 'session_id', 'email', 'cursor'])
      expect(REFERENCE_CODES).not.toContain(argument);
  });

  it('list each method without repeats', () => {
    for (const [source, codes] of Object.entries(SLACK_ERROR_CODES)) {
      expect(codes.length, source).toBeGreaterThan(0);
      expect(new Set(codes).size, source).toBe(codes.length);
    }
  });

  it('cover every method the sentences are checked for, and no other', () => {
    const methods = Object.keys(SLACK_ERROR_CODES).filter((source) => source !== 'common');
    expect(methods.sort()).toEqual(METHODS.filter((m) => m !== undefined).sort());
  });

  it('name no code the catalogue lacks', () => {
    const missing = REFERENCE_CODES.filter((code) => !KNOWN_ERROR_CODES.includes(code));
    expect(missing).toEqual([]);
  });
});

describe('in a German browser', () => {
  const browser = (globalThis as unknown as { browser: { i18n: unknown } }).browser;
  let english: unknown;
  beforeEach(() => {
    english = browser.i18n;
    browser.i18n = i18nFor('de');
  });
  afterEach(() => {
    browser.i18n = english;
  });

  it('says what happened and what to do in German, with the scope, the wait and the host filled in', () => {
    expect(describeSlackError('missing_scope', { needed: 'admin.users:write' })).toBe(
      'Diesem Token fehlt der Scope admin.users:write. Füge ihn zu den Benutzer-Token-Scopes der App hinzu, installiere die App neu in der gesamten Organisation und speichere das neue Token.',
    );
    expect(describeSlackError('missing_scope', { needed: 'a,b,c' })).toContain(
      'Diesem Token fehlen die Scopes a, b und c.',
    );
    expect(describeSlackError('ratelimited', { retryAfterSeconds: 30 })).toBe(
      'Slack hat darum gebeten, 30 Sekunden zu warten, bevor weitere Anfragen gesendet werden. Versuche es danach erneut.',
    );
    expect(describeSlackError('user_not_found', { method: 'admin.users.session.reset' })).toBe(
      'Slack hat dieses Mitglied nicht gefunden, daher wurden keine Sitzungen zurückgesetzt. Prüfe die Benutzer-ID und ob das Mitglied zu dieser Organisation gehört.',
    );
    expect(describeSlackError('no_such_thing')).toBe(
      'Slack hat mit dem Fehler „no_such_thing“ geantwortet. Versuche es erneut; wenn das immer wieder passiert, prüfe das Token in den Einstellungen der Erweiterung.',
    );
    expect(describeNoSiteAccess('slack-gov.com')).toContain(
      'Session Admin hat keinen Zugriff auf slack-gov.com, daher wurde nichts an Slack gesendet.',
    );
  });

  it('has a German sentence for every code and method, never a key or the English one', () => {
    for (const code of KNOWN_ERROR_CODES) {
      for (const method of METHODS) {
        const german = describeSlackError(code, { method, retryAfterSeconds: 5 });
        browser.i18n = english;
        const inEnglish = describeSlackError(code, { method, retryAfterSeconds: 5 });
        browser.i18n = i18nFor('de');
        expect(german, `${code} ${method}`).not.toBe(inEnglish);
        expect(german, `${code} ${method}`).not.toMatch(/\berr_/);
        expect(german, `${code} ${method}`).toMatch(/\.$/);
      }
    }
  });
});
