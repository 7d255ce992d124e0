import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSlackError, isKnownErrorCode, KNOWN_ERROR_CODES } from '../../src/slack';

/** Every error code named in the Slack API reference (common errors and each method's list). */
const REFERENCE_CODES = [
  // common errors
  'access_denied',
  'accesslimited',
  'account_inactive',
  'deprecated_endpoint',
  'ekm_access_denied',
  'enterprise_is_restricted',
  'fatal_error',
  'internal_error',
  'invalid_arg_name',
  'invalid_arguments',
  'invalid_array_arg',
  'invalid_auth',
  'invalid_charset',
  'invalid_form_data',
  'invalid_post_type',
  'method_deprecated',
  'missing_post_type',
  'missing_scope',
  'no_permission',
  'not_allowed_token_type',
  'not_authed',
  'org_login_required',
  'ratelimited',
  'request_timeout',
  'service_unavailable',
  'team_access_not_granted',
  'team_added_to_org',
  'token_expired',
  'token_revoked',
  'two_factor_setup_required',
  'is_bot',
  // admin.users.session.reset
  'cannot_reset_bot',
  'cannot_reset_primary_owner',
  'feature_not_enabled',
  'not_an_admin',
  'unknown_method',
  'user_not_found',
  'user_session_reset_failed',
  // admin.users.session.invalidate
  'admin_unauthorized',
  'cannot_invalidate_primary_owner',
  'session_invalidation_failed',
  'session_not_found',
  // admin.users.session.list
  'bots_not_allowed',
  'invalid_cursor',
  'no_active_sessions',
  'missing_team',
  'missing_user',
  'team_not_found',
  // admin.users.session.resetBulk
  'failed_for_some_users',
  'session_reset_not_allowed',
  'restricted_action',
  // admin.users.session.setSettings (getSettings and clearSettings add nothing new)
  'at_least_one_session_setting_required',
  'unable_to_update_existing_sessions',
  // users.lookupByEmail, including the OpenAPI spec's extras
  'users_not_found',
  'invalid_json',
  'json_not_object',
  'upgrade_required',
  // users.info
  'too_many_users',
  'user_not_visible',
  // admin.users.list
  'include_deactivated_user_workspaces_invalid',
] as const;

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
    expect(REFERENCE_CODES).toHaveLength(new Set(REFERENCE_CODES).size);
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

/**
 * The error codes in the reference's error tables and lists: the first cell of rows of tables
 * headed `| error |`, and every backticked name in the blocks that list errors (quoted
 * descriptions removed, since they mention argument names such as `user`).
 */
function codesInReference(markdown: string): Set<string> {
  const codes = new Set<string>();
  const lines = markdown.split('\n');
  let inErrors = false;
  let inErrorTable = false;
  for (const line of lines) {
    if (/^#{2,3} /.test(line) || /^- \*\*/.test(line) || line.startsWith('---')) {
      inErrors = /^### Common errors/.test(line) || /^- \*\*Errors\b/.test(line);
    }
    const row = /^\s*\|(.*)\|\s*$/.exec(line);
    if (row) {
      const first = (row[1] ?? '').split('|')[0]?.trim() ?? '';
      if (first === 'error') inErrorTable = true;
      else if (inErrorTable) {
        const code = /^`([a-z][a-z0-9_]*)`$/.exec(first);
        if (code?.[1]) codes.add(code[1]);
      }
      continue;
    }
    inErrorTable = false;
    if (!inErrors) continue;
    const unquoted = line.replace(/"[^"]*"/g, '').replace(/“[^”]*”/g, '');
    for (const match of unquoted.matchAll(/`([a-z][a-z0-9_]*)`/g)) codes.add(match[1] as string);
  }
  return codes;
}

const referencePath = resolve(__dirname, '../../../shared/reference/slack-api.md');

describe.skipIf(!existsSync(referencePath))('the reference document', () => {
  const codes = codesInReference(
    existsSync(referencePath) ? readFileSync(referencePath, 'utf8') : '',
  );

  it('yields a plausible number of codes', () => {
    expect(codes.size).toBeGreaterThanOrEqual(50);
    expect(codes.has('user')).toBe(false);
    expect(codes.has('team_id')).toBe(false);
  });

  it('names no code the catalogue lacks', () => {
    const missing = [...codes].filter((code) => !KNOWN_ERROR_CODES.includes(code));
    expect(missing).toEqual([]);
  });

  it('names no code missing from the hard-coded list above', () => {
    const missing = [...codes].filter(
      (code) => !(REFERENCE_CODES as readonly string[]).includes(code),
    );
    expect(missing).toEqual([]);
  });
});
