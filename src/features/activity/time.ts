/** Activity's times: shown with their zone, exported as ISO 8601 with the local offset. */

const pad = (n: number) => String(n).padStart(2, '0');

/** "+01:00" for a date in a zone one hour east of UTC (the zone's offset at that instant). */
function offsetOf(date: Date, timeZone?: string): number {
  if (!timeZone) return -date.getTimezoneOffset();
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/** The wall-clock fields of `date` in the zone (local when none is named). */
function wallClock(date: Date, minutesEast: number) {
  const shifted = new Date(date.getTime() + minutesEast * 60_000);
  return {
    date: `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
    time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`,
  };
}

/** "2026-12-02T14:02:10+01:00": what a spreadsheet or a log tool reads without guessing the zone. */
export function isoWithOffset(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  const east = offsetOf(date, timeZone);
  const { date: day, time } = wallClock(date, east);
  const sign = east < 0 ? '-' : '+';
  const abs = Math.abs(east);
  return `${day}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "2026-12-02 14:02:10 GMT+1" (or the zone's short name, "PST", where the locale has one). */
export function timeWithZone(iso: string, timeZone?: string, locale?: string): string {
  const date = new Date(iso);
  const { date: day, time } = wallClock(date, offsetOf(date, timeZone));
  const zone =
    new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  return zone ? `${day} ${time} ${zone}` : `${day} ${time}`;
}
