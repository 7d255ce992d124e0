import { describe, expect, it } from 'vitest';
import { parsedOk } from '../../shared/parsed';
import {
  bool,
  count,
  list,
  object,
  oneOf,
  optional,
  parsedText,
  request,
  text,
  yes,
} from './schema';

describe('fields', () => {
  it('text: a string within its length, or a sentence naming the field', () => {
    expect(text('token', 5)('abc')).toEqual({ ok: true, value: 'abc' });
    expect(text('token', 5)(42)).toEqual({ ok: false, message: 'The token is missing.' });
    expect(text('token', 5)('abcdef')).toEqual({ ok: false, message: 'The token is too long.' });
  });

  it('oneOf: only the listed words, from a list or a label table', () => {
    const mode = oneOf({ device: 'Device', session: 'Session' }, 'Choose how to keep it.');
    expect(mode('device')).toEqual({ ok: true, value: 'device' });
    expect(mode('toString')).toEqual({ ok: false, message: 'Choose how to keep it.' });
    expect(oneOf(['popup', 'bulk'], 'No.')('page')).toEqual({ ok: false, message: 'No.' });
  });

  it('yes: only a real true', () => {
    expect(yes(true)).toEqual({ ok: true, value: true });
    for (const raw of ['true', 1, {}, undefined])
      expect(yes(raw)).toEqual({ ok: true, value: false });
  });

  it('bool: true or false, nothing else', () => {
    expect(bool('choice')(false)).toEqual({ ok: true, value: false });
    expect(bool('choice')('false')).toEqual({ ok: false, message: 'The choice is missing.' });
  });

  it('count: whole numbers, brought into range', () => {
    expect(count(1, 100)(500)).toEqual({ ok: true, value: 100 });
    expect(count(1, 100)(0)).toEqual({ ok: true, value: 1 });
    expect(count(1, 100)(2.5).ok).toBe(false);
    expect(count(1, 100)('5').ok).toBe(false);
  });

  it('list: each item read, at most so many', () => {
    const selectors = list(text('selector', 10), 2, 'selectors');
    expect(selectors(['a', 'b'])).toEqual({ ok: true, value: ['a', 'b'] });
    expect(selectors(['a', 'b', 'c'])).toEqual({
      ok: false,
      message: 'There are too many selectors: at most 2.',
    });
    expect(selectors(['a', 7])).toEqual({ ok: false, message: 'The selector is missing.' });
    expect(selectors('a').ok).toBe(false);
  });

  it('parsedText: a string handed to a shared parser', () => {
    const upper = parsedText('code', (t) => parsedOk(t.toUpperCase()), 3);
    expect(upper('abc')).toEqual({ ok: true, value: 'ABC' });
    expect(upper('abcd')).toEqual({ ok: false, message: 'The code is too long.' });
  });
});

describe('object', () => {
  const shape = object({ id: text('ID'), note: optional(text('note')) });

  it('keeps only the fields it knows, and leaves an absent optional one out', () => {
    expect(shape({ id: 'a', extra: 'x', type: 'ui/x' })).toEqual({ ok: true, value: { id: 'a' } });
    expect(shape({ id: 'a', note: null })).toEqual({ ok: true, value: { id: 'a' } });
    expect(shape({ id: 'a', note: 'n' })).toEqual({ ok: true, value: { id: 'a', note: 'n' } });
  });

  it('stops at the first field that is wrong, with its sentence', () => {
    expect(shape({ note: 'n' })).toEqual({ ok: false, message: 'The ID is missing.' });
    expect(shape({ id: 'a', note: 3 })).toEqual({ ok: false, message: 'The note is missing.' });
  });

  it('reads no inherited property and refuses what is not a plain object', () => {
    const inherited = Object.create({ id: 'from the prototype' });
    expect(shape(inherited).ok).toBe(false);
    for (const raw of [null, undefined, 'id', ['a']]) expect(shape(raw).ok).toBe(false);
  });
});

describe('request', () => {
  it('adds a rule across fields, said as a sentence', () => {
    const save = request(
      {
        mode: oneOf(['device', 'passphrase'], 'Choose.'),
        passphrase: optional(text('passphrase')),
      },
      (p) => (p.mode === 'passphrase' && !p.passphrase ? 'The passphrase is missing.' : undefined),
    ).replies<void>();
    expect(save.parse({ mode: 'device' }).ok).toBe(true);
    expect(save.parse({ mode: 'passphrase' })).toEqual({
      ok: false,
      message: 'The passphrase is missing.',
    });
    expect(save.parse({ mode: 'passphrase', passphrase: 'p' }).ok).toBe(true);
  });
});
