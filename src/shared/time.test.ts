import { expect, it } from 'vitest';
import { ago } from './time';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const before = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

it('says how long ago, in the largest unit under a day, then the date', () => {
  expect(ago(before(5), NOW)).toBe('just now');
  expect(ago(before(5 * 60), NOW)).toBe('5 min ago');
  expect(ago(before(3 * 3600), NOW)).toBe('3 h ago');
  expect(ago(before(3 * 86_400), NOW)).toBe(new Date(before(3 * 86_400)).toLocaleDateString());
});

it('says "just now" of a time a skewed clock puts in the future', () => {
  expect(ago(before(-30), NOW)).toBe('just now');
});
