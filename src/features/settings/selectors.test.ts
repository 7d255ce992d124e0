import { describe, expect, it } from 'vitest';
import { settingsRequests } from './messages';
import { normalisePreferences } from './model';
import { selectorStructureProblem } from './selectors';

const parseSet = settingsRequests['ui/settings/set'].parse;

describe('member selector checks the background can run without a DOM', () => {
  it.each([
    'div[',
    'div[data-x="a]',
    'a)',
    ':not(.a',
    'tr >',
    '> tr',
    '.a,,.b',
    '.a,',
    'a { color: red }',
  ])('refuses %s', (selector) => {
    expect(selectorStructureProblem(selector)).toBeTypeOf('string');
  });

  it.each([
    '.custom-member',
    '[data-qa="member_row"]',
    'tr.member > td:first-child',
    'div:has(> img, > svg)',
    'li:nth-child(2n+1)',
    '[title="a, b ] ( >"]',
    'a\\[b',
  ])('accepts %s', (selector) => {
    expect(selectorStructureProblem(selector)).toBeUndefined();
  });

  it('a settings change with an invalid selector is refused, naming it', () => {
    const read = parseSet({ preferences: { extraMemberSelectors: ['.ok', 'div['] } });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain('`div[` is not a valid CSS selector');
    expect(parseSet({ preferences: { extraMemberSelectors: ['.ok'] } }).ok).toBe(true);
  });

  it('an invalid selector already in storage never reaches a content script', () => {
    expect(
      normalisePreferences({ extraMemberSelectors: ['.a', 'div[', '.b'] }).extraMemberSelectors,
    ).toEqual(['.a', '.b']);
  });
});
