import { isIP } from 'node:net';
import { describe, expect, it } from 'vitest';
import { formatIp, type IpMatcher, matchesParsed, parseIp, parseIpRanges, sameIp } from './ip';

function matcher(text: string): IpMatcher {
  const parsed = parseIpRanges(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

function failure(text: string): string {
  const parsed = parseIpRanges(text);
  if (parsed.ok) throw new Error(`“${text}” was accepted`);
  return parsed.message;
}

describe('parseIp', () => {
  it('reads IPv4 as dotted decimal', () => {
    expect(parseIp('203.0.113.9')).toEqual({ v: 4, w0: 0xcb007109, w1: 0, w2: 0, w3: 0 });
    expect(parseIp(' 0.0.0.0 ')?.w0).toBe(0);
    expect(parseIp('255.255.255.255')?.w0).toBe(0xffffffff);
  });

  it('reads every IPv6 form, compressed or full, in any case', () => {
    const one = parseIp('2001:db8::1')!;
    for (const form of [
      '2001:0db8:0000:0000:0000:0000:0000:0001',
      '2001:DB8::1',
      '2001:db8:0:0:0:0:0:1',
      '2001:db8::0:1',
      '2001:Db8:0::0001',
    ]) {
      expect(sameIp(parseIp(form)!, one), form).toBe(true);
    }
    expect(formatIp(parseIp('::')!)).toBe('::');
    expect(formatIp(parseIp('::1')!)).toBe('::1');
    expect(formatIp(parseIp('1:2:3:4:5:6:7::')!)).toBe('1:2:3:4:5:6:7:0');
    expect(formatIp(parseIp('::2:3:4:5:6:7:8')!)).toBe('0:2:3:4:5:6:7:8');
    expect(formatIp(parseIp('1:0:0:1:0:0:0:1')!)).toBe('1:0:0:1::1');
  });

  it('reads an embedded IPv4 tail', () => {
    expect(formatIp(parseIp('64:ff9b::192.0.2.1')!)).toBe('64:ff9b::c000:201');
    expect(parseIp('64:ff9b::192.0.2.1')?.v).toBe(6);
    expect(formatIp(parseIp('::192.0.2.1')!)).toBe('::c000:201');
  });

  it('reads IPv4-mapped IPv6 as the IPv4 address, in either notation', () => {
    const plain = parseIp('192.0.2.1')!;
    for (const form of ['::ffff:192.0.2.1', '::FFFF:c000:0201', '0:0:0:0:0:ffff:192.0.2.1']) {
      expect(parseIp(form), form).toEqual(plain);
    }
    expect(formatIp(parseIp('::ffff:192.0.2.1')!)).toBe('192.0.2.1');
  });

  it('formats IPv6 as browsers do', () => {
    for (const text of ['2001:db8::1', '1:0:0:2:0:0:0:3', 'fe80::', '2001:DB8:0:0:1:0:0:1', '::']) {
      expect(formatIp(parseIp(text)!)).toBe(new URL(`http://[${text}]/`).hostname.slice(1, -1));
    }
  });

  it('gives nothing for missing, empty, zoned or malformed addresses', () => {
    for (const text of [
      undefined,
      '',
      '  ',
      'fe80::1%eth0',
      '203.0.113.300',
      '01.2.3.4',
      '1.2.3',
      '1.2.3.4.5',
      '1::2::3',
      ':::',
      '12345::',
      '::ffff:1.2.3',
      '1.2.3.4::',
      '[::1]',
      '203.0.113.0/24',
    ]) {
      expect(parseIp(text), String(text)).toBeUndefined();
    }
  });
});

describe('parseIpRanges', () => {
  it('matches exact IPv4 and IPv6 addresses', () => {
    const m = matcher('203.0.113.9 2001:db8::1');
    expect(m.empty).toBe(false);
    expect(m.matches('203.0.113.9')).toBe(true);
    expect(m.matches('203.0.113.10')).toBe(false);
    expect(m.matches('2001:0DB8:0:0:0:0:0:1')).toBe(true);
    expect(m.matches('2001:db8::2')).toBe(false);
  });

  it('matches CIDR ranges of both families, separated by commas and/or spaces', () => {
    const m = matcher(' 203.0.113.0/24,198.51.100.128/25 ,\n2001:db8::/32\t10.0.0.0/8 ');
    expect(m.ranges).toHaveLength(4);
    expect(m.matches('203.0.113.255')).toBe(true);
    expect(m.matches('203.0.114.0')).toBe(false);
    expect(m.matches('198.51.100.200')).toBe(true);
    expect(m.matches('198.51.100.127')).toBe(false);
    expect(m.matches('10.255.0.1')).toBe(true);
    expect(m.matches('2001:db8:ffff::1')).toBe(true);
    expect(m.matches('2001:db9::1')).toBe(false);
  });

  it('reads /32 and /128 as exact, and host bits as their network', () => {
    expect(matcher('203.0.113.9/32').matches('203.0.113.9')).toBe(true);
    expect(matcher('203.0.113.9/32').matches('203.0.113.8')).toBe(false);
    expect(matcher('2001:db8::1/128').matches('2001:db8::1')).toBe(true);
    expect(matcher('2001:db8::1/128').matches('2001:db8::2')).toBe(false);
    const network = matcher('203.0.113.9/24');
    expect(network.ranges[0]?.w0).toBe(parseIp('203.0.113.0')!.w0);
    expect(network.matches('203.0.113.200')).toBe(true);
    expect(matcher('2001:db8:1:2::9/48').matches('2001:db8:1:ffff::1')).toBe(true);
  });

  it('reads /0 as a whole family', () => {
    const all4 = matcher('0.0.0.0/0');
    expect(all4.matches('255.255.255.255')).toBe(true);
    expect(all4.matches('::ffff:1.2.3.4')).toBe(true);
    expect(all4.matches('2001:db8::1')).toBe(false);
    const all6 = matcher('::/0');
    expect(all6.matches('2001:db8::1')).toBe(true);
    expect(all6.matches('::')).toBe(true);
    expect(all6.matches('1.2.3.4')).toBe(false);
  });

  it('treats IPv4-mapped candidates and ranges as IPv4, both ways', () => {
    expect(matcher('203.0.113.0/24').matches('::ffff:203.0.113.9')).toBe(true);
    expect(matcher('203.0.113.0/24').matches('::ffff:cb00:7109')).toBe(true);
    expect(matcher('::ffff:203.0.113.0/120').matches('203.0.113.9')).toBe(true);
    expect(matcher('::ffff:203.0.113.0/120').matches('203.0.114.9')).toBe(false);
    expect(matcher('::ffff:203.0.113.9').matches('203.0.113.9')).toBe(true);
    expect(matcher('::ffff:0:0/96').matches('8.8.8.8')).toBe(true);
  });

  it('gives blank text a matcher that matches everything', () => {
    for (const text of ['', '   ', ' ,\n, ']) {
      const m = matcher(text);
      expect(m.empty).toBe(true);
      expect(m.matches('203.0.113.9')).toBe(true);
      expect(m.matches(undefined)).toBe(true);
    }
  });

  it('never matches a missing, empty or garbage candidate', () => {
    const m = matcher('0.0.0.0/0 ::/0');
    for (const candidate of [undefined, '', ' ', 'unknown', '1.2.3', 'fe80::1%eth0', '::1::']) {
      expect(m.matches(candidate), String(candidate)).toBe(false);
      expect(matchesParsed(m, parseIp(candidate))).toBe(false);
    }
  });

  it('quotes the bad item in a sentence', () => {
    expect(failure('203.0.113.0/24, 203.0.113.300')).toBe(
      '“203.0.113.300” is not an IP address or range: write one like 203.0.113.9, 203.0.113.0/24 or 2001:db8::/32.',
    );
    for (const bad of ['hello', '1.2.3.4/', '1.2.3.4/-1', '/24', '2001:db8::/x', '1.2.3.4/24/8']) {
      expect(failure(bad)).toContain(`“${bad}” is not an IP address or range`);
    }
    expect(failure('x'.repeat(500))).toMatch(/^“x{59}…” is not/);
  });

  it('says when a prefix is too long for its family', () => {
    expect(failure('203.0.113.0/33')).toBe(
      '“203.0.113.0/33” has too long a prefix: an IPv4 range ends in /0 to /32.',
    );
    expect(failure('2001:db8::/129')).toBe(
      '“2001:db8::/129” has too long a prefix: an IPv6 range ends in /0 to /128.',
    );
    expect(failure('::ffff:1.2.3.0/129')).toContain('IPv6 range ends in /0 to /128');
  });

  it('refuses zone IDs with their own sentence', () => {
    expect(failure('fe80::1%eth0')).toBe(
      '“fe80::1%eth0” names a network interface after “%”: Slack reports addresses without one, so leave it out.',
    );
    expect(failure('fe80::/64%2')).toContain('network interface');
  });

  it('never throws on garbage, and agrees with Node on what an address is', () => {
    const garbage = [
      '::::',
      ':::1',
      '1::2::3',
      'g::1',
      '1.2.3.4/1e1',
      '0x1.2.3.4',
      '٣.1.1.1',
      '１.２.３.４',
      '\u0000',
      '🙂',
      '1.2.3.4\u200b',
      '1'.repeat(10_000),
      ':'.repeat(1000),
      '/'.repeat(100),
      'undefined',
      'null',
      '[object Object]',
      '%',
      '::%',
      '1.2.3.4%x',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7:8::',
      '::1.2.3.4:5',
      '1.2.3.4:5::',
    ];
    // A seeded walk over the characters addresses are made of.
    let seed = 42;
    const alphabet = '0123456789abcdefABCDEF:.:.:./%, fx';
    for (let i = 0; i < 5000; i++) {
      let text = '';
      const length = (i % 24) + 1;
      for (let j = 0; j < length; j++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        text += alphabet[seed % alphabet.length];
      }
      garbage.push(text);
    }
    // And addresses built from plausible pieces, many of them valid.
    const pieces = [
      '0',
      '1',
      'ffff',
      'FfFf',
      'db8',
      '12345',
      'g',
      '',
      '1.2.3.4',
      '256.1.1.1',
      '01.2.3.4',
    ];
    for (let i = 0; i < 5000; i++) {
      const parts: string[] = [];
      const length = (i % 10) + 1;
      for (let j = 0; j < length; j++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        parts.push(pieces[seed % pieces.length]!);
      }
      garbage.push(parts.join(':'));
    }
    let valid = 0;
    for (const text of garbage) {
      const parsed = parseIpRanges(text);
      if (!parsed.ok) expect(parsed.message).toMatch(/^“.*”.*\.$/s);
      const one = text.trim();
      if (one.includes('%')) expect(parseIp(one)).toBeUndefined();
      else expect(parseIp(one) !== undefined, one).toBe(isIP(one) !== 0);
      if (parseIp(one)) valid++;
    }
    expect(valid).toBeGreaterThan(100);
    expect(() => parseIpRanges(undefined as unknown as string)).not.toThrow();
    expect(() => matcher('0.0.0.0/0').matches(42 as unknown as string)).not.toThrow();
  });
});
