import { describe, expect, it } from 'vitest';
import { isoWithOffset, timeWithZone } from './time';

const AT = '2026-12-02T13:02:10.000Z';

describe('Activity times', () => {
  it('are shown with the zone they are in', () => {
    expect(timeWithZone(AT, 'Europe/Berlin', 'en-GB')).toBe('2026-12-02 14:02:10 CET');
    expect(timeWithZone(AT, 'UTC', 'en-US')).toBe('2026-12-02 13:02:10 UTC');
    expect(timeWithZone(AT, 'America/Los_Angeles', 'en-US')).toBe('2026-12-02 05:02:10 PST');
    expect(timeWithZone(AT, 'Asia/Kolkata', 'en-US')).toBe('2026-12-02 18:32:10 GMT+5:30');
  });

  it('are exported as ISO 8601 with the offset, across a date line and in summer time', () => {
    expect(isoWithOffset(AT, 'Europe/Berlin')).toBe('2026-12-02T14:02:10+01:00');
    expect(isoWithOffset('2026-07-01T12:00:00.000Z', 'Europe/Berlin')).toBe(
      '2026-07-01T14:00:00+02:00',
    );
    expect(isoWithOffset('2026-12-02T02:00:00.000Z', 'America/New_York')).toBe(
      '2026-12-01T21:00:00-05:00',
    );
    expect(isoWithOffset(AT, 'Asia/Kolkata')).toBe('2026-12-02T18:32:10+05:30');
    // The offset names the same instant as the stored UTC time.
    expect(Date.parse(isoWithOffset(AT, 'America/New_York'))).toBe(Date.parse(AT));
  });

  it('use the local zone when none is named', () => {
    expect(Date.parse(isoWithOffset(AT))).toBe(Date.parse(AT));
    expect(timeWithZone(AT)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S/);
  });
});
