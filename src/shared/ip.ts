/**
 * IP addresses and CIDR ranges, as an admin types them to filter sessions and as Slack
 * reports them. Parsing never throws; matching a pre-parsed address allocates nothing, so a
 * page can test hundreds of thousands of them on every keystroke.
 */
import { t } from './i18n';
import { parsedFail as fail, parsedOk as ok, type Parsed } from './parsed';

/**
 * An address as four unsigned 32-bit words, most significant first. IPv4 sits in `w0` with
 * the other words 0, so both families share one object shape (and one fast path).
 * IPv4-mapped IPv6 (`::ffff:a.b.c.d`) is read as the IPv4 address it carries.
 */
export interface ParsedIp {
  readonly v: 4 | 6;
  readonly w0: number;
  readonly w1: number;
  readonly w2: number;
  readonly w3: number;
}

/** A network: `w*` are its address with the host bits cleared, `m*` its mask. */
export interface IpRange extends ParsedIp {
  readonly prefix: number;
  readonly m0: number;
  readonly m1: number;
  readonly m2: number;
  readonly m3: number;
}

export interface IpMatcher {
  /** No ranges were given: the filter is off and matches every candidate. */
  readonly empty: boolean;
  readonly ranges: readonly IpRange[];
  matches(ip: string | undefined): boolean;
}

// The longest textual form is 45 characters; anything much longer is not an address.
const MAX_ADDRESS = 64;
const MAX_QUOTE = 60;
const PREFIX = /^[0-9]{1,3}$/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Strict dotted decimal: four parts 0–255, no leading zeros (which some tools read as octal). */
function parseV4(text: string, from = 0, to = text.length): number | undefined {
  let value = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  for (let i = from; i <= to; i++) {
    const code = i < to ? text.charCodeAt(i) : 46;
    if (isDigit(code)) {
      if (digits > 0 && part === 0) return undefined;
      part = part * 10 + (code - 48);
      digits++;
      if (part > 255) return undefined;
    } else if (code === 46 && digits > 0 && parts < 4) {
      value = value * 256 + part;
      parts++;
      part = 0;
      digits = 0;
    } else {
      return undefined;
    }
  }
  return parts === 4 ? value : undefined;
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}

// Reused by every call: parsing is synchronous, and a fresh array per address was most of its cost.
const groups = new Array<number>(8).fill(0);

/**
 * Fills `groups` with the eight 16-bit groups of an IPv6 text in any RFC 4291 form (an IPv4
 * tail allowed last, no zone); false if it is not one.
 */
function parseV6Groups(text: string): boolean {
  const end = text.length;
  let count = 0;
  let gapAt = -1;
  let i = 0;
  if (text.charCodeAt(0) === 58) {
    if (text.charCodeAt(1) !== 58) return false;
    gapAt = 0;
    i = 2;
  }
  while (i < end) {
    const start = i;
    let group = 0;
    for (let digit = hexValue(text.charCodeAt(i)); digit !== -1 && i - start < 4; ) {
      group = group * 16 + digit;
      digit = hexValue(text.charCodeAt(++i));
    }
    if (i === start) return false;
    const next = text.charCodeAt(i);
    if (next === 46) {
      const v4 = count <= 6 ? parseV4(text, start, end) : undefined;
      if (v4 === undefined) return false;
      groups[count++] = Math.floor(v4 / 0x10000);
      groups[count++] = v4 & 0xffff;
      break;
    }
    if (count === 8) return false;
    groups[count++] = group;
    if (i === end) break;
    if (next !== 58) return false;
    if (text.charCodeAt(i + 1) === 58) {
      if (gapAt !== -1) return false;
      gapAt = count;
      i += 2;
    } else {
      i++;
      if (i === end) return false;
    }
  }
  if (gapAt === -1) return count === 8;
  if (count > 7) return false;
  // Slide the groups after the gap to the end and zero the gap.
  const shift = 8 - count;
  for (let at = count - 1; at >= gapAt; at--) groups[at + shift] = groups[at]!;
  for (let at = gapAt; at < gapAt + shift; at++) groups[at] = 0;
  return true;
}

function v4(n: number): ParsedIp {
  return { v: 4, w0: n >>> 0, w1: 0, w2: 0, w3: 0 };
}

function isMapped(g: readonly number[]): boolean {
  return g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff;
}

function word(g: readonly number[], at: number): number {
  return ((g[at]! << 16) | g[at + 1]!) >>> 0;
}

/** An address Slack reported or an admin typed; `undefined` for anything else, never a throw. */
export function parseIp(text: string | undefined): ParsedIp | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > MAX_ADDRESS) return undefined;
  if (!trimmed.includes(':')) {
    const n = parseV4(trimmed);
    return n === undefined ? undefined : v4(n);
  }
  if (!parseV6Groups(trimmed)) return undefined;
  const g = groups;
  if (isMapped(g)) return v4(word(g, 6));
  return { v: 6, w0: word(g, 0), w1: word(g, 2), w2: word(g, 4), w3: word(g, 6) };
}

export function sameIp(a: ParsedIp, b: ParsedIp): boolean {
  return a.v === b.v && a.w0 === b.w0 && a.w1 === b.w1 && a.w2 === b.w2 && a.w3 === b.w3;
}

/** One text per address (dotted IPv4, RFC 5952 IPv6), so equal addresses group together. */
export function formatIp(ip: ParsedIp): string {
  if (ip.v === 4) {
    const n = ip.w0;
    return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
  }
  const groups: number[] = [];
  for (const w of [ip.w0, ip.w1, ip.w2, ip.w3]) groups.push(w >>> 16, w & 0xffff);
  // RFC 5952: shorten the first longest run of two or more zero groups.
  let bestAt = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    let end = i;
    while (end < 8 && groups[end] === 0) end++;
    if (end - i > bestLength) {
      bestAt = i;
      bestLength = end - i;
    }
    i = end === i ? i + 1 : end;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestAt === -1) return hex.join(':');
  return `${hex.slice(0, bestAt).join(':')}::${hex.slice(bestAt + bestLength).join(':')}`;
}

function maskWord(prefix: number, at: number): number {
  const bits = Math.min(32, Math.max(0, prefix - at * 32));
  // `<< 32` shifts by nothing in JavaScript, so a zero-bit mask is written out.
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

function range(v: 4 | 6, words: readonly number[], prefix: number): IpRange {
  const m = [0, 1, 2, 3].map((at) => (v === 4 && at > 0 ? 0 : maskWord(prefix, at)));
  // Host bits are cleared: 203.0.113.9/24 means the network 203.0.113.0/24.
  const w = m.map((mask, at) => ((words[at] ?? 0) & mask) >>> 0);
  return {
    v,
    prefix,
    w0: w[0]!,
    w1: w[1]!,
    w2: w[2]!,
    w3: w[3]!,
    m0: m[0]!,
    m1: m[1]!,
    m2: m[2]!,
    m3: m[3]!,
  };
}

function quote(item: string): string {
  return item.length > MAX_QUOTE ? `${item.slice(0, MAX_QUOTE - 1)}…` : item;
}

function notAnIp(item: string): string {
  return t('search_notAnIp', quote(item));
}

function parseRange(item: string): Parsed<IpRange> {
  if (item.includes('%')) {
    return fail(t('search_ipInterface', quote(item)));
  }
  const slash = item.indexOf('/');
  const address = slash === -1 ? item : item.slice(0, slash);
  const prefixText = slash === -1 ? undefined : item.slice(slash + 1);
  if (address.length > MAX_ADDRESS) return fail(notAnIp(item));
  if (prefixText !== undefined && !PREFIX.test(prefixText)) return fail(notAnIp(item));
  const prefix = prefixText === undefined ? undefined : Number(prefixText);

  if (!address.includes(':')) {
    const n = parseV4(address);
    if (n === undefined) return fail(notAnIp(item));
    if (prefix !== undefined && prefix > 32) {
      return fail(t('search_prefixV4', quote(item)));
    }
    return ok(range(4, [n], prefix ?? 32));
  }
  if (!parseV6Groups(address)) return fail(notAnIp(item));
  const g = groups;
  if (prefix !== undefined && prefix > 128) {
    return fail(t('search_prefixV6', quote(item)));
  }
  const bits = prefix ?? 128;
  // A range inside ::ffff:0:0/96 is an IPv4 range, as mapped candidates are read as IPv4.
  if (isMapped(g) && bits >= 96) return ok(range(4, [word(g, 6)], bits - 96));
  return ok(range(6, [word(g, 0), word(g, 2), word(g, 4), word(g, 6)], bits));
}

/**
 * Whether a pre-parsed address is in any of the matcher's ranges. IPv6 ranges never match
 * IPv4 (or mapped) addresses: `::/0` means every IPv6 address, `0.0.0.0/0` every IPv4 one.
 */
export function matchesParsed(matcher: IpMatcher, ip: ParsedIp | undefined): boolean {
  if (matcher.empty) return true;
  if (ip === undefined) return false;
  const ranges = matcher.ranges;
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i]!;
    if (r.v !== ip.v || (ip.w0 & r.m0) >>> 0 !== r.w0) continue;
    if (r.v === 4) return true;
    if (
      (ip.w1 & r.m1) >>> 0 === r.w1 &&
      (ip.w2 & r.m2) >>> 0 === r.w2 &&
      (ip.w3 & r.m3) >>> 0 === r.w3
    )
      return true;
  }
  return false;
}

function matcherOf(ranges: readonly IpRange[]): IpMatcher {
  const matcher: IpMatcher = {
    empty: ranges.length === 0,
    ranges,
    matches: (ip) => matchesParsed(matcher, parseIp(ip)),
  };
  return matcher;
}

/**
 * Addresses and CIDR ranges of either family, separated by commas and/or whitespace. Blank
 * text gives a matcher that matches everything; the first bad item is quoted in the sentence.
 */
export function parseIpRanges(text: string): Parsed<IpMatcher> {
  const items = typeof text === 'string' ? text.split(/[\s,]+/).filter((i) => i !== '') : [];
  const ranges: IpRange[] = [];
  for (const item of items) {
    const parsed = parseRange(item);
    if (!parsed.ok) return parsed;
    ranges.push(parsed.value);
  }
  return ok(matcherOf(ranges));
}
