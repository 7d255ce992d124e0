import { describe, expect, it } from 'vitest';
import {
  describeUserRef,
  extractUserRefs,
  firstUserIdInText,
  isExactUserId,
  type Parsed,
  parseEmail,
  parseEnterpriseId,
  parseProfileLink,
  parseSessionId,
  parseUserId,
  parseUserRef,
  parseWorkspaceId,
  parseWorkspaceOrOrgId,
  tidy,
  type UserRef,
} from './ids';
import { isSlackHost } from './url';

function value<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(`expected success, got: ${parsed.message}`);
  return parsed.value;
}

function message<T>(parsed: Parsed<T>): string {
  if (parsed.ok) throw new Error(`expected a refusal, got: ${String(parsed.value)}`);
  return parsed.message;
}

/** A refusal must come with a real sentence. */
function expectRefused<T>(parsed: Parsed<T>): void {
  const text = message(parsed);
  expect(text.length).toBeGreaterThan(10);
  expect(text).toMatch(/[.!]$/);
}

const ID_32 = `U${'0123456789ABCDEFGHIJKLMNOPQRSTU'}`;
const ID_33 = `${ID_32}V`;

const id = (userId: string): UserRef => ({ kind: 'id', userId: userId as never });
const email = (address: string): UserRef => ({ kind: 'email', email: address });

describe('tidy', () => {
  it.each([
    ['  U0123ABCD  ', 'U0123ABCD'],
    ['"U0123ABCD"', 'U0123ABCD'],
    ["'U0123ABCD'", 'U0123ABCD'],
    ['`U0123ABCD`', 'U0123ABCD'],
    ['“U0123ABCD”', 'U0123ABCD'],
    ['‘U0123ABCD’', 'U0123ABCD'],
    [' " \'U0123ABCD\' " ', 'U0123ABCD'],
    ['\tU0123ABCD\r\n', 'U0123ABCD'],
    ['a"b', 'a"b'],
    ['"unbalanced', '"unbalanced'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(tidy(input)).toBe(expected);
  });
});

describe('parseUserId', () => {
  it.each([
    ['U0123ABCD', 'U0123ABCD'],
    ['W0123ABCD', 'W0123ABCD'],
    ['U012S9M77JP', 'U012S9M77JP'],
    ['W012A3CDE99', 'W012A3CDE99'],
    ['W0ABCDEFGHIJ', 'W0ABCDEFGHIJ'],
    ['U0ABCDEFGHIJ', 'U0ABCDEFGHIJ'],
    [ID_32, ID_32],
    [ID_32.toLowerCase(), ID_32],
    ['u012s9m77jp', 'U012S9M77JP'],
    ['w0abcdefghij', 'W0ABCDEFGHIJ'],
    ['  U0123ABCD  ', 'U0123ABCD'],
    ['\nU0123ABCD\t', 'U0123ABCD'],
    ['"U0123ABCD"', 'U0123ABCD'],
    ["'W0ABCDEFGHIJ'", 'W0ABCDEFGHIJ'],
    ['“U0123ABCD”', 'U0123ABCD'],
    ['<@U0123ABCD>', 'U0123ABCD'],
    ['<@W0ABCDEFGHIJ|grace>', 'W0ABCDEFGHIJ'],
    ['<@U012S9M77JP|Grace Hopper>', 'U012S9M77JP'],
    ['<@u0123abcd>', 'U0123ABCD'],
    [' "<@U0123ABCD|bob>" ', 'U0123ABCD'],
  ])('accepts %j', (input, expected) => {
    expect(value(parseUserId(input))).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['spaces only', '   '],
    ['tabs and line breaks only', '\t\n\r '],
    ['quotes only', '""'],
    ['a lone u', 'u'],
    ['lower-case u, too short', 'u1234'],
    ['lower-case u, 8 characters', 'u0123abc'],
    ['8 characters', 'U1234567'],
    ['8 characters with W', 'W1234567'],
    ['just the prefix', 'U'],
    ['33 characters', ID_33],
    ['a workspace ID', 'T0123ABCD'],
    ['an organization ID', 'E0SANDBOX01'],
    ['a channel ID', 'C0123ABCD'],
    ['a private channel ID', 'G0123ABCD'],
    ['a DM ID', 'D0123ABCD'],
    ['a bot ID', 'B0123ABCD'],
    ['an app ID', 'A0123ABCD'],
    ['Cyrillic U', 'У0123ABCD'],
    ['Cyrillic letters inside', 'U0123АВСD'],
    ['full-width digits', 'U０１２３ABCD'],
    ['full-width U', 'Ｕ0123ABCD'],
    ['a dotless i that upper-cases to I', 'u0123abcı'],
    ['a sharp s that upper-cases to SS', 'uß0123abc'],
    ['a long s that upper-cases to S', 'U0123ABCſ'],
    ['a Kelvin sign', 'U0123ABC\u212A'],
    ['a zero-width space inside', 'U0123\u200BABCD'],
    ['a zero-width joiner inside', 'U0123\u200DABCD'],
    ['a soft hyphen inside', 'U0123\u00ADABCD'],
    ['a 10 KB string', `U${'A'.repeat(10 * 1024)}`],
    ['a 10 KB string of spaces and an ID', `${' '.repeat(10 * 1024)}U0123ABCD!`],
    ['SQL', 'U0123ABCD; DROP TABLE'],
    ['a script tag', '<script>alert(1)</script>'],
    ['a script tag around an ID', '<script>U0123ABCD</script>'],
    ['a path', '../../etc'],
    ['two IDs on two lines', 'U0123ABCD\nU0123ABC2'],
    ['two IDs with a space', 'U0123ABCD U0123ABC2'],
    ['two IDs with a comma', 'U0123ABCD,U0123ABC2'],
    ['a hyphen', 'U0123-ABCD'],
    ['an underscore', 'U0123_ABCD'],
    ['a space', 'U0123 ABCD'],
    ['an accent', 'U0123ABCDÉ'],
    ['an umlaut prefix', 'Ü0123ABCD'],
    ['a NUL byte', 'U0123ABCD\u0000'],
    ['a percent escape', 'U0123ABCD%00'],
    ['an at sign', '@U0123ABCD'],
    ['an unclosed mention', '<@U0123ABCD'],
    ['a channel mention', '<#C0123ABCD|general>'],
    ['a mention of a short ID', '<@U123>'],
    ['an unbalanced quote', '"U0123ABCD'],
    ['an e-mail address', 'bob@example.com'],
    ['a link', 'https://acme.slack.com/team/U0123ABCD'],
    ['a javascript: link', 'javascript:alert("U0123ABCD")'],
    ['the word null', 'null'],
    ['the word undefined', 'undefined'],
    ['a number', '12345'],
    ['a session ID', '1112275520242'],
    ['emoji', 'U0123ABCD😀'],
  ])('refuses %s', (_, input) => {
    expectRefused(parseUserId(input));
  });

  it('says what a mistaken ID is', () => {
    expect(message(parseUserId('T0123ABCD'))).toMatch(/workspace/);
    expect(message(parseUserId('E0SANDBOX01'))).toMatch(/organization/);
    expect(message(parseUserId('C0123ABCD'))).toMatch(/channel/);
    expect(message(parseUserId('B0123ABCD'))).toMatch(/bot/);
    expect(message(parseUserId('U1234567'))).toMatch(/too short/);
    expect(message(parseUserId(''))).toMatch(/Enter a user ID/);
  });

  it('never echoes a huge input back', () => {
    expect(message(parseUserId(`U${'A'.repeat(10 * 1024)}`)).length).toBeLessThan(200);
    expect(message(parseUserId(`X${'A'.repeat(1000)}`)).length).toBeLessThan(200);
  });
});

describe('parseEmail', () => {
  it.each([
    ['bob@example.com', 'bob@example.com'],
    ['Bob.Smith@Example.COM', 'bob.smith@example.com'],
    ['bob+slack@example.com', 'bob+slack@example.com'],
    ['bob.smith+tag-1@mail.example.co.uk', 'bob.smith+tag-1@mail.example.co.uk'],
    ['mailto:bob@example.com', 'bob@example.com'],
    ['MAILTO:Bob+x@Example.com', 'bob+x@example.com'],
    ['<bob@example.com>', 'bob@example.com'],
    ['  "bob@example.com"  ', 'bob@example.com'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['a@b.co', 'a@b.co'],
    ['user@sub-domain.example.org', 'user@sub-domain.example.org'],
  ])('accepts %j', (input, expected) => {
    expect(value(parseEmail(input))).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['spaces only', '   '],
    ['mailto: alone', 'mailto:'],
    ['no at sign', 'bob.example.com'],
    ['nothing before the at sign', '@example.com'],
    ['nothing after the at sign', 'bob@'],
    ['no dot in the domain', 'bob@example'],
    ['a space in the local part', 'bob smith@example.com'],
    ['a space in the domain', 'bob@exa mple.com'],
    ['two at signs', 'bob@@example.com'],
    ['two addresses', 'bob@example.com alice@example.com'],
    ['two lines', 'bob@example.com\nalice@example.com'],
    ['an empty domain label', 'bob@example..com'],
    ['a leading hyphen in the domain', 'bob@-example.com'],
    ['a trailing dot', 'bob@example.com.'],
    ['a non-ASCII local part', 'bøb@example.com'],
    ['a Cyrillic letter in the domain', 'bob@exаmple.com'],
    ['300 characters', `${'a'.repeat(288)}@example.com`],
    ['a script tag', '<script>@example.com'],
    ['a javascript: prefix', 'javascript:alert(1)@example.com'],
    ['a user ID', 'U0123ABCD'],
  ])('refuses %s', (_, input) => {
    expectRefused(parseEmail(input));
  });
});

describe('parseProfileLink', () => {
  it.each([
    ['https://acme.slack.com/team/U0123ABCD', 'U0123ABCD'],
    ['https://app.slack.com/manage/E0SANDBOX01/people/W0ABCDEFGHIJ', 'W0ABCDEFGHIJ'],
    ['https://x.slack.com/admin?user_id=U0123ABCD', 'U0123ABCD'],
    ['https://acme.slack-gov.com/team/U0123ABCD', 'U0123ABCD'],
    ['https://app.slack-gov.com/manage/E0SANDBOX01/people/W0ABCDEFGHIJ', 'W0ABCDEFGHIJ'],
    ['https://slack.com/team/U012S9M77JP', 'U012S9M77JP'],
    ['https://acme.slack.com/team/U0123ABCD/', 'U0123ABCD'],
    ['https://acme.slack.com/team/u0123abcd', 'U0123ABCD'],
    ['https://acme.slack.com/team/U0123ABCD?x=1#top', 'U0123ABCD'],
    ['HTTPS://ACME.SLACK.COM/team/U0123ABCD', 'U0123ABCD'],
    ['  "https://acme.slack.com/team/U0123ABCD"  ', 'U0123ABCD'],
    ['https://acme.enterprise.slack.com/manage/people/W0ABCDEFGHIJ', 'W0ABCDEFGHIJ'],
    ['https://app.slack.com/client/T0123ABCD/C0123ABCD/user_profile/U0123ABCD', 'U0123ABCD'],
    ['https://acme.slack.com/admin#/people/U0123ABCD', 'U0123ABCD'],
  ])('accepts %s', (input, expected) => {
    expect(value(parseProfileLink(input))).toBe(expected);
  });

  it.each([
    ['a non-Slack host', 'https://evil.example/team/U0123ABCD'],
    ['a look-alike host', 'https://slack.com.evil.example/team/U0123ABCD'],
    ['a host ending in slack.com', 'https://evilslack.com/team/U0123ABCD'],
    ['a host ending in slack-gov.com', 'https://notslack-gov.com/team/U0123ABCD'],
    ['credentials before the host', 'https://slack.com@evil.example/team/U0123ABCD'],
    ['a javascript: link', 'javascript:alert("U0123ABCD")'],
    ['a javascript: link to a Slack-looking path', 'javascript://acme.slack.com/team/U0123ABCD'],
    ['a data: link', 'data:text/html,U0123ABCD'],
    ['an ftp link', 'ftp://acme.slack.com/team/U0123ABCD'],
    ['a Slack link without a member', 'https://acme.slack.com/'],
    ['a Slack link to a channel', 'https://acme.slack.com/archives/C0123ABCD'],
    ['a workspace ID in the path', 'https://acme.slack.com/team/T0123ABCD'],
    ['a short ID', 'https://acme.slack.com/team/U1234567'],
    ['a 33-character ID', `https://acme.slack.com/team/${ID_33}`],
    ['a bad user_id query', 'https://acme.slack.com/admin?user_id=C0123ABCD'],
    ['a user_id query on a non-Slack host', 'https://evil.example/?user_id=U0123ABCD'],
    ['not a link', 'hello there'],
    ['empty', ''],
    ['a very long link', `https://acme.slack.com/team/U0123ABCD?${'a'.repeat(10 * 1024)}`],
  ])('refuses %s', (_, input) => {
    expectRefused(parseProfileLink(input));
  });

  it('isSlackHost knows both Slack domains and nothing else', () => {
    expect(isSlackHost('slack.com')).toBe(true);
    expect(isSlackHost('ACME.Slack.com')).toBe(true);
    expect(isSlackHost('app.slack-gov.com')).toBe(true);
    expect(isSlackHost('slack.com.evil.example')).toBe(false);
    expect(isSlackHost('evilslack.com')).toBe(false);
    expect(isSlackHost('')).toBe(false);
  });
});

describe('parseUserRef', () => {
  it.each([
    ['U0123ABCD', id('U0123ABCD')],
    ['w0abcdefghij', id('W0ABCDEFGHIJ')],
    ['<@U0123ABCD|bob>', id('U0123ABCD')],
    ['Bob+x@Example.com', email('bob+x@example.com')],
    ['mailto:bob@example.com', email('bob@example.com')],
    ['https://acme.slack.com/team/U0123ABCD', id('U0123ABCD')],
    ['https://app.slack-gov.com/manage/E0SANDBOX01/people/W0ABCDEFGHIJ', id('W0ABCDEFGHIJ')],
    ['  "U012S9M77JP"  ', id('U012S9M77JP')],
  ])('accepts %j', (input, expected) => {
    expect(value(parseUserRef(input))).toEqual(expected);
  });

  it.each([
    '',
    '   ',
    'hello',
    'T0123ABCD',
    'U1234567',
    'bob@example',
    'https://evil.example/team/U0123ABCD',
    'https://slack.com.evil.example/team/U0123ABCD',
    'javascript:alert(1)',
    '<script>alert(1)</script>',
    'U0123ABCD\nbob@example.com',
    'x'.repeat(10 * 1024),
  ])('refuses %j', (input) => {
    expectRefused(parseUserRef(input));
  });

  it('describeUserRef shows the ID or the address', () => {
    expect(describeUserRef(id('U0123ABCD'))).toBe('U0123ABCD');
    expect(describeUserRef(email('bob@example.com'))).toBe('bob@example.com');
  });
});

describe('parseWorkspaceId, parseEnterpriseId and parseWorkspaceOrOrgId', () => {
  it.each([
    ['T0123ABCD', 'T0123ABCD'],
    ['t012ab3c4', 'T012AB3C4'],
    [' "T0BH8UD0HFU" ', 'T0BH8UD0HFU'],
  ])('team %j', (input, expected) => {
    expect(value(parseWorkspaceId(input))).toBe(expected);
  });

  it.each([
    '',
    'U0123ABCD',
    'E0SANDBOX01',
    'T123',
    `T${'A'.repeat(32)}`,
    'T0123 ABCD',
    'Т0123ABCD',
    't0123abcı',
  ])('refuses team %j', (input) => {
    expectRefused(parseWorkspaceId(input));
  });

  it.each([
    ['E0SANDBOX01', 'E0SANDBOX01'],
    ['e011e2sbbfc', 'E011E2SBBFC'],
  ])('enterprise %j', (input, expected) => {
    expect(value(parseEnterpriseId(input))).toBe(expected);
  });

  it.each(['', 'T0123ABCD', 'U0123ABCD', 'E123', 'E0SANDBOX01; DROP'])(
    'refuses enterprise %j',
    (input) => {
      expectRefused(parseEnterpriseId(input));
    },
  );

  it.each([
    ['t0123abcd', 'T0123ABCD'],
    ['E0SANDBOX01', 'E0SANDBOX01'],
  ])('workspace or org %j', (input, expected) => {
    expect(value(parseWorkspaceOrOrgId(input))).toBe(expected);
  });

  it.each(['', 'U0123ABCD', 'T123', 'E12', 'C0123ABCD', 'Т0123ABCD'])(
    'refuses as workspace or org %j',
    (input) => {
      expectRefused(parseWorkspaceOrOrgId(input));
    },
  );
});

describe('parseSessionId', () => {
  it.each([
    ['1112275520242', '1112275520242'],
    [' 1112275520242 ', '1112275520242'],
    ['"1112275520242"', '1112275520242'],
    ['9007199254740993', '9007199254740993'],
    ['18446744073709551615', '18446744073709551615'],
    ['12345', '12345'],
    ['0', '0'],
    ['007', '7'],
  ])('accepts %j', (input, expected) => {
    expect(value(parseSessionId(input))).toBe(expected);
  });

  it('accepts a safe whole number', () => {
    expect(value(parseSessionId(1112275520242))).toBe('1112275520242');
    expect(value(parseSessionId(0))).toBe('0');
  });

  it.each([
    '',
    '   ',
    '-1',
    '+1',
    '1.5',
    '1.0',
    '1e12',
    '12a',
    'abc',
    '0x1F',
    '1 2',
    '1,000',
    '１２３',
    '1'.repeat(21),
    'NaN',
  ])('refuses %j', (input) => {
    expectRefused(parseSessionId(input));
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
    'refuses the number %d',
    (input) => {
      expectRefused(parseSessionId(input));
    },
  );
});

describe('extractUserRefs', () => {
  it('finds three IDs in a sentence, in order', () => {
    expect(
      extractUserRefs(
        'Please sign out U0123ABCD, then W0ABCDEFGHIJ and finally U012S9M77JP today.',
      ),
    ).toEqual([id('U0123ABCD'), id('W0ABCDEFGHIJ'), id('U012S9M77JP')]);
  });

  it('mixes e-mail addresses, mentions and links', () => {
    expect(
      extractUserRefs(
        'ping <@U0123ABCD|bob> and Alice@Example.com, see https://acme.slack.com/team/W0ABCDEFGHIJ.',
      ),
    ).toEqual([id('U0123ABCD'), email('alice@example.com'), id('W0ABCDEFGHIJ')]);
  });

  it('removes duplicates', () => {
    expect(
      extractUserRefs(
        'U0123ABCD U0123ABCD <@U0123ABCD> https://acme.slack.com/team/U0123ABCD bob@example.com BOB@example.com',
      ),
    ).toEqual([id('U0123ABCD'), email('bob@example.com')]);
  });

  it('finds nothing in ordinary text', () => {
    expect(extractUserRefs('hello')).toEqual([]);
    expect(extractUserRefs('')).toEqual([]);
    expect(extractUserRefs('PLEASE UNDERSTAND WEDNESDAYS ARE BUSY')).toEqual([]);
    expect(extractUserRefs('the team T0123ABCD and channel C0123ABCD')).toEqual([]);
  });

  it('respects the limit', () => {
    const text = 'U0123ABCD W0ABCDEFGHIJ U012S9M77JP';
    expect(extractUserRefs(text, 2)).toEqual([id('U0123ABCD'), id('W0ABCDEFGHIJ')]);
    expect(extractUserRefs(text, 0)).toEqual([]);
    const many = Array.from({ length: 80 }, (_, i) => `U${String(i).padStart(8, '0')}`).join('\n');
    expect(extractUserRefs(many)).toHaveLength(50);
  });

  it('reads a pasted CSV', () => {
    expect(
      extractUserRefs('name,email,id\nBob,bob@example.com,U0123ABCD\nAl,al@example.com,\n'),
    ).toEqual([email('bob@example.com'), id('U0123ABCD'), email('al@example.com')]);
  });

  it('does not read an ID out of an e-mail address', () => {
    expect(extractUserRefs('write to U0123ABCDE@example.com')).toEqual([
      email('u0123abcde@example.com'),
    ]);
  });

  it('reads Slack-formatted links and links followed by punctuation', () => {
    expect(
      extractUserRefs(
        '<https://acme.slack.com/team/U0123ABCD|Bob> (https://acme.slack.com/team/W0ABCDEFGHIJ).',
      ),
    ).toEqual([id('U0123ABCD'), id('W0ABCDEFGHIJ')]);
  });

  it('ignores IDs inside links to other sites, and lower-case words', () => {
    expect(extractUserRefs('https://evil.example/team/U0123ABCD u0123abcd')).toEqual([]);
  });

  it('ignores IDs glued to other text', () => {
    expect(extractUserRefs('XU0123ABCD U0123ABCD_x U0123ABCDé')).toEqual([]);
  });
});

describe('isExactUserId and firstUserIdInText', () => {
  it('takes an ID as Slack writes it, and nothing looser', () => {
    expect(isExactUserId('U0123ABCD')).toBe(true);
    expect(isExactUserId('u0123abcd')).toBe(false);
    expect(isExactUserId(' U0123ABCD')).toBe(false);
  });

  it('finds the first ID standing alone in prose, never a word', () => {
    expect(firstUserIdInText('Ada Lovelace · W0123ABCD · admin')).toBe('W0123ABCD');
    expect(firstUserIdInText('WORKSPACE owners')).toBeUndefined();
    expect(firstUserIdInText('xU0123ABCD')).toBeUndefined();
  });
});

describe('extractUserRefs on a hostile selection', () => {
  it.each(['a', 'U', 'U1', '.', 'a@'])(
    'reads 200,000 characters of %j in well under a second (a page chooses what is selected)',
    (unit) => {
      const text = unit.repeat(200_000 / unit.length);
      const started = performance.now();
      extractUserRefs(text, 10_001);
      expect(performance.now() - started).toBeLessThan(1000);
    },
  );

  it('still finds an address after other address characters and an @', () => {
    expect(extractUserRefs('write to x@y@ada@example.com now')).toEqual([
      { kind: 'email', email: 'ada@example.com' },
    ]);
  });
});
