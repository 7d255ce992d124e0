import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, normalisePreferences } from './model';

describe('normalisePreferences', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'all'],
    ['a number', 42],
    ['a boolean', true],
    ['an array', ['web']],
    ['an empty object', {}],
  ])('turns %s into the defaults', (_name, raw) => {
    expect(normalisePreferences(raw)).toEqual(DEFAULT_PREFERENCES);
  });

  it('defaults to confirming and to all devices', () => {
    expect(DEFAULT_PREFERENCES).toEqual({
      confirmBeforeReset: true,
      defaultScope: 'all',
      extraMemberSelectors: [],
    });
  });

  it('keeps well-formed values', () => {
    expect(
      normalisePreferences({
        confirmBeforeReset: false,
        defaultScope: 'mobile',
        extraMemberSelectors: ['[data-qa="member_row"]', '.c-table_row'],
      }),
    ).toEqual({
      confirmBeforeReset: false,
      defaultScope: 'mobile',
      extraMemberSelectors: ['[data-qa="member_row"]', '.c-table_row'],
    });
  });

  it('replaces each malformed field with its default and keeps the good ones', () => {
    expect(
      normalisePreferences({
        confirmBeforeReset: 'false',
        defaultScope: 'web',
        extraMemberSelectors: 'tr.member',
      }),
    ).toEqual({ confirmBeforeReset: true, defaultScope: 'web', extraMemberSelectors: [] });
    expect(normalisePreferences({ confirmBeforeReset: 0 }).confirmBeforeReset).toBe(true);
  });

  it.each(['desktop', 'ALL', 'Web', '', null, 1, ['web'], { scope: 'web' }])(
    'refuses the scope %j',
    (defaultScope) => {
      expect(normalisePreferences({ defaultScope }).defaultScope).toBe('all');
    },
  );

  it('filters selectors to non-blank strings, at most 20', () => {
    const raw = [
      '.a',
      '',
      '   ',
      42,
      null,
      { selector: '.x' },
      '.b',
      ...Array.from({ length: 30 }, (_, i) => `.s${i}`),
    ];
    const { extraMemberSelectors } = normalisePreferences({ extraMemberSelectors: raw });
    expect(extraMemberSelectors).toHaveLength(20);
    expect(extraMemberSelectors.slice(0, 3)).toEqual(['.a', '.b', '.s0']);
    for (const s of extraMemberSelectors) {
      expect(typeof s).toBe('string');
      expect(s.trim()).not.toBe('');
    }
  });

  it('ignores unknown fields', () => {
    const result = normalisePreferences({ token: 'xoxp-secret', defaultScope: 'web' });
    expect(Object.keys(result).sort()).toEqual([
      'confirmBeforeReset',
      'defaultScope',
      'extraMemberSelectors',
    ]);
  });

  it('never hands out the shared defaults object', () => {
    const result = normalisePreferences(undefined);
    result.extraMemberSelectors.push('.mutated');
    expect(DEFAULT_PREFERENCES.extraMemberSelectors).toEqual([]);
    expect(normalisePreferences(undefined).extraMemberSelectors).toEqual([]);
  });
});
