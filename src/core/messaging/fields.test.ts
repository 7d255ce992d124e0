import { describe, expect, it } from 'vitest';
import { REASON_MAX_LENGTH } from '../../shared/reason';
import { reasonField, sessionIdField, userIdField, workspaceIdField } from './fields';

describe('payload fields', () => {
  it('reads IDs with the shared parsers', () => {
    expect(userIdField(' u0123abcd ')).toEqual({ ok: true, value: 'U0123ABCD' });
    expect(userIdField(7)).toEqual({ ok: false, message: 'The user ID is missing.' });
    expect(workspaceIdField('E0SANDBOX01')).toEqual({ ok: true, value: 'E0SANDBOX01' });
    expect(workspaceIdField('U0123ABCD').ok).toBe(false);
  });

  it('keeps a session ID past 2^53 exact, and refuses one a number already rounded', () => {
    expect(sessionIdField('9007199254740993')).toEqual({ ok: true, value: '9007199254740993' });
    expect(sessionIdField(Number('9007199254740993')).ok).toBe(false);
    expect(sessionIdField(undefined)).toEqual({ ok: false, message: 'The session ID is missing.' });
    // Quotes are peeled one pair at a time: a long string of them is refused before that.
    const quoted = `${'"'.repeat(100)}1${'"'.repeat(100)}`;
    expect(sessionIdField(quoted)).toEqual({ ok: false, message: 'The session ID is too long.' });
  });

  it('trims the reason, leaves out an empty one, and holds its length', () => {
    expect(reasonField('  INC-42  ')).toEqual({ ok: true, value: 'INC-42' });
    expect(reasonField('   ')).toEqual({ ok: true, value: undefined });
    expect(reasonField(undefined)).toEqual({ ok: true, value: undefined });
    expect(reasonField('x'.repeat(REASON_MAX_LENGTH + 1))).toEqual({
      ok: false,
      message: 'The reason is too long.',
    });
  });
});
