import { describe, expect, it } from 'vitest';
import { clip, shortTitle } from './format';

describe('clip', () => {
  it('keeps short text whole, trimmed', () => {
    expect(clip('  hello  ', 60)).toBe('hello');
  });

  it('cuts long text to the limit, the last character an ellipsis', () => {
    const cut = clip('x'.repeat(100), 60);
    expect(cut).toHaveLength(60);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('shortTitle', () => {
  it('makes a page title one line of at most 80 characters', () => {
    expect(shortTitle('People\n\t| Acme   Admin')).toBe('People | Acme Admin');
    expect(shortTitle('A'.repeat(200))).toHaveLength(80);
  });

  it('gives nothing for a missing or blank title', () => {
    expect(shortTitle(undefined)).toBeUndefined();
    expect(shortTitle(' \n ')).toBeUndefined();
  });
});
