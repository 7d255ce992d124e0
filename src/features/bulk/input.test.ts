import { describe, expect, it } from 'vitest';
import type { UserRef } from '../../shared/ids';
import { toCsv } from '../activity/csv';
import { type BulkInput, NO_MEMBER_ON_LINE, parseBulkInput } from './input';
import { MAX_BULK_MEMBERS } from './model';

const CHANNEL = 'C0123ABCD is a channel ID, not a member. User IDs start with U or W.';
const NOT_AN_ID =
  'A user ID starts with U or W followed by 8 to 31 letters or digits, for example U0123ABCD.';
const NO_MEMBER = 'No user ID, e-mail address or profile link on this line.';

const id = (userId: string): UserRef => ({ kind: 'id', userId }) as UserRef;
const email = (address: string): UserRef => ({ kind: 'email', email: address });

/** What the preview lists: each member as the ID or address that will be sent, with its line. */
function sent(input: BulkInput): string[] {
  return input.members.map((m) => `${m.line}: ${m.ref.kind === 'id' ? m.ref.userId : m.ref.email}`);
}

/** A deterministic generator, so a failing fuzz case can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Distinct well-formed member IDs. */
const memberId = (i: number) => `W0B${i.toString(36).toUpperCase().padStart(7, '0')}`;

describe('one member a line', () => {
  it('reads IDs in any case, mentions, e-mails, mailto: and profile links, ignoring blanks and quotes', () => {
    const input = parseBulkInput(
      [
        'U0123ABCD',
        '  w0abcdefghij  ',
        '',
        '<@U0SOMEONE1>',
        '<@U0SBXLONGID000000000X|lou>',
        'Ada@Example.COM',
        'mailto:grace@example.com',
        '   ',
        'https://acme-eng.slack.com/team/W0SBXADMIN1',
        '"U0SBXBOT0001"',
        '“W0SBXOWNER2”',
      ].join('\n'),
    );
    expect(sent(input)).toEqual([
      '1: U0123ABCD',
      '2: W0ABCDEFGHIJ',
      '4: U0SOMEONE1',
      '5: U0SBXLONGID000000000X',
      '6: ada@example.com',
      '7: grace@example.com',
      '9: W0SBXADMIN1',
      '10: U0SBXBOT0001',
      '11: W0SBXOWNER2',
    ]);
    expect(input.members[1]).toEqual({ ref: id('W0ABCDEFGHIJ'), given: 'w0abcdefghij', line: 2 });
    expect(input.members[3]!.given).toBe('<@U0SBXLONGID000000000X|lou>');
    expect(input).toMatchObject({
      refused: [],
      duplicates: 0,
      emails: 2,
      headerSkipped: false,
      tooMany: false,
    });
  });

  it('refuses a line that is no member with the parser’s own sentence', () => {
    const input = parseBulkInput(
      [
        'C0123ABCD',
        'T0SBXENG01',
        'U0123',
        'hello',
        'ada@@example.com',
        'https://acme-eng.slack.com/archives/C0123ABCD',
        'https://example.com/team/U0123ABCD',
        'undefined',
        'U0123ABCD',
      ].join('\r\n'),
    );
    expect(input.refused).toEqual([
      { line: 1, text: 'C0123ABCD', reason: CHANNEL },
      {
        line: 2,
        text: 'T0SBXENG01',
        reason: 'T0SBXENG01 is a workspace (team) ID, not a member. User IDs start with U or W.',
      },
      {
        line: 3,
        text: 'U0123',
        reason: 'U0123 is too short for a user ID: Slack user IDs have at least 9 characters.',
      },
      { line: 4, text: 'hello', reason: NOT_AN_ID },
      {
        line: 5,
        text: 'ada@@example.com',
        reason: '“ada@@example.com” is not a valid e-mail address.',
      },
      {
        line: 6,
        text: 'https://acme-eng.slack.com/archives/C0123ABCD',
        reason: 'That Slack link does not point to a member profile.',
      },
      {
        line: 7,
        text: 'https://example.com/team/U0123ABCD',
        reason: 'example.com is not a Slack address.',
      },
      {
        line: 8,
        text: 'undefined',
        reason: '“undefined” is a word, not a user ID. User IDs look like U0123ABCD.',
      },
    ]);
    expect(sent(input)).toEqual(['9: U0123ABCD']);
  });

  it('merges repeats: an ID in another case or form, an address in another case', () => {
    const input = parseBulkInput(
      [
        'U0123ABCD',
        'ada@example.com',
        'u0123abcd',
        '<@U0123ABCD|ada>',
        'https://acme-eng.slack.com/team/U0123ABCD',
        'ADA@EXAMPLE.COM',
        'mailto:Ada@Example.com',
        'W0ABCDEFGHIJ',
      ].join('\n'),
    );
    expect(sent(input)).toEqual(['1: U0123ABCD', '2: ada@example.com', '8: W0ABCDEFGHIJ']);
    expect(input.members[0]!.given).toBe('U0123ABCD');
    expect(input.duplicates).toBe(5);
    expect(input.emails).toBe(1);
  });

  it('takes the address out of a name as mail programs copy it', () => {
    const input = parseBulkInput(
      'Ada Lovelace <ada@example.com>\n"Hopper, Grace" <grace@example.com>',
    );
    expect(input.members).toEqual([
      { ref: email('ada@example.com'), given: 'Ada Lovelace <ada@example.com>', line: 1 },
      { ref: email('grace@example.com'), given: '"Hopper, Grace" <grace@example.com>', line: 2 },
    ]);
  });
});

describe('a header row', () => {
  it.each([
    ['User ID,Email,Name', 'U0123ABCD,ada@example.com,Ada'],
    ['email', 'ada@example.com'],
    ['id\tname', 'U0123ABCD\tAda'],
    ['"Email Address [Required]";"First Name [Required]"', 'ada@example.com;Ada'],
    ['userPrincipalName,displayName', 'ada@example.com,Ada'],
  ])('skips %j', (header, row) => {
    const input = parseBulkInput(`${header}\n${row}\n`);
    expect(input.headerSkipped).toBe(true);
    expect(input.refused).toEqual([]);
    expect(input.members).toHaveLength(1);
    expect(input.members[0]!.line).toBe(2);
  });

  it('is only ever the first row that is not blank', () => {
    const input = parseBulkInput('\n\nEmail\nada@example.com\nEmail\n');
    expect(input.headerSkipped).toBe(true);
    expect(input.refused).toEqual([{ line: 5, text: 'Email', reason: NOT_AN_ID }]);
  });

  it('is not a first row that holds a member or something meant as one', () => {
    expect(parseBulkInput('U0123ABCD\nW0ABCDEFGHIJ').headerSkipped).toBe(false);
    const channel = parseBulkInput('C0123ABCD\nU0123ABCD');
    expect(channel.headerSkipped).toBe(false);
    expect(channel.refused).toEqual([{ line: 1, text: 'C0123ABCD', reason: CHANNEL }]);
    const words = parseBulkInput('Ada Lovelace\nU0123ABCD');
    expect(words.headerSkipped).toBe(false);
    expect(words.refused).toHaveLength(1);
  });
});

describe('CSV and TSV', () => {
  it('reads an export with quoted commas and quotes: an ID and an address in a row are one member', () => {
    const input = parseBulkInput(
      [
        'User ID,Email,Name,Title',
        'U0123ABCD,ada@example.com,"Lovelace, Ada","Analyst, ""engines"""',
        ',grace@example.com,"Hopper, Grace",Admiral',
        'u0someone1,,"Someone, Sam",',
        ',,,',
        'none,nobody,"Nobody, No",x',
        'C0123ABCD,,"#general",channel',
        'W0ABCDEFGHIJ,GRACE@example.com,"Hopper, Grace",again',
      ].join('\n'),
    );
    expect(input.headerSkipped).toBe(true);
    expect(input.members).toEqual([
      { ref: id('U0123ABCD'), given: 'U0123ABCD', line: 2, email: 'ada@example.com' },
      { ref: email('grace@example.com'), given: 'grace@example.com', line: 3 },
      { ref: id('U0SOMEONE1'), given: 'u0someone1', line: 4 },
      { ref: id('W0ABCDEFGHIJ'), given: 'W0ABCDEFGHIJ', line: 8, email: 'grace@example.com' },
    ]);
    expect(input.refused).toEqual([
      { line: 6, text: 'none,nobody,"Nobody, No",x', reason: NO_MEMBER },
      { line: 7, text: 'C0123ABCD,,"#general",channel', reason: CHANNEL },
    ]);
    expect(input.emails).toBe(1);
    expect(input.duplicates).toBe(0);
    expect(NO_MEMBER_ON_LINE).toBe(NO_MEMBER);
  });

  it('reads a TSV copied from a spreadsheet, commas and semicolons in its names', () => {
    const input = parseBulkInput(
      [
        'Name\tSlack ID\tE-mail',
        'Lovelace, Ada\tU0123ABCD\tada@example.com',
        'Hopper; Grace\tW0ABCDEFGHIJ\tgrace@example.com',
        'Someone, Sam\t\tsam@example.com',
        '\t\t',
        'Nobody\tC0123ABCD\t',
      ].join('\r\n'),
    );
    expect(input.headerSkipped).toBe(true);
    expect(sent(input)).toEqual(['2: U0123ABCD', '3: W0ABCDEFGHIJ', '4: sam@example.com']);
    expect(input.members[1]!.email).toBe('grace@example.com');
    expect(input.refused).toEqual([{ line: 6, text: 'Nobody\tC0123ABCD', reason: CHANNEL }]);
  });

  it('reads an Excel CSV with a byte order mark, a sep= line and semicolons', () => {
    const input = parseBulkInput(
      '\uFEFFsep=;\r\n"Name";"E-mail"\r\n"Lovelace, Ada";"ada@example.com"\r\n',
    );
    expect(input.headerSkipped).toBe(true);
    expect(input.members).toEqual([
      { ref: email('ada@example.com'), given: 'ada@example.com', line: 3 },
    ]);
    expect(input.refused).toEqual([]);
  });

  it('keeps a quoted cell over several lines in its row, and counts lines after it right', () => {
    const input = parseBulkInput(
      [
        'id,notes,email',
        'U0123ABCD,"first line',
        'second line",ada@example.com',
        'W0ABCDEFGHIJ,plain,grace@example.com',
      ].join('\n'),
    );
    expect(input.members).toEqual([
      { ref: id('U0123ABCD'), given: 'U0123ABCD', line: 2, email: 'ada@example.com' },
      { ref: id('W0ABCDEFGHIJ'), given: 'W0ABCDEFGHIJ', line: 4, email: 'grace@example.com' },
    ]);
    expect(input.refused).toEqual([]);
  });

  it('lets no member vanish into a stray quote', () => {
    const input = parseBulkInput(
      ['id,name', 'U0123ABCD,"Ada', 'W0ABCDEFGHIJ,Grace', 'U0SOMEONE1,Sam"'].join('\n'),
    );
    expect(sent(input)).toEqual(['2: U0123ABCD', '3: W0ABCDEFGHIJ', '4: U0SOMEONE1']);
    const lone = parseBulkInput('"U0123ABCD\nW0ABCDEFGHIJ"\n"');
    expect(sent(lone)).toEqual(['1: U0123ABCD', '2: W0ABCDEFGHIJ']);
  });

  it('looks for the member in the member’s own columns before a manager’s or an admin’s', () => {
    const activity = parseBulkInput(
      [
        'Time,Org,Org ID,Admin,Admin ID,Action,User ID,User name,User e-mail',
        '2025-01-02T03:04:05Z,Acme,E0SANDBOX01,Riley,W0SBXADMIN1,reset,U0123ABCD,Ada,ada@example.com',
      ].join('\n'),
    );
    expect(activity.members).toEqual([
      { ref: id('U0123ABCD'), given: 'U0123ABCD', line: 2, email: 'ada@example.com' },
    ]);
    const managers = parseBulkInput(
      'manager_id,manager_email,id\nW0ABCDEFGHIJ,grace@example.com,U0123ABCD\n',
    );
    expect(managers.members).toEqual([{ ref: id('U0123ABCD'), given: 'U0123ABCD', line: 2 }]);
  });

  it('takes the member, not the admin, from an exported activity log as it is written today', () => {
    const log = toCsv([
      {
        id: 'a1',
        at: '2025-01-02T03:04:05Z',
        org: 'Acme',
        orgId: 'E0SANDBOX01',
        environment: 'gov',
        admin: 'Riley',
        adminId: 'W0SBXADMIN1',
        source: 'popup',
        action: 'reset',
        userId: 'U0123ABCD',
        userName: 'Ada',
        userEmail: 'ada@example.com',
        outcome: 'success',
      },
    ]);
    expect(parseBulkInput(log).members).toEqual([
      { ref: id('U0123ABCD'), given: 'U0123ABCD', line: 2, email: 'ada@example.com' },
    ]);
  });

  it('never takes someone else’s column for the member of a row', () => {
    const input = parseBulkInput('Name,Email,Manager email\nAda,,boss@example.com\n');
    expect(input.members).toEqual([]);
    expect(input.refused).toEqual([
      {
        line: 2,
        text: 'Ada,,boss@example.com',
        reason:
          'The only member on this line is in the “Manager email” column, which names someone else.',
      },
    ]);
    // A file about those people only: their columns are the members.
    const admins = parseBulkInput('Admin email,Admin name\nriley@example.com,Riley\n');
    expect(sent(admins)).toEqual(['2: riley@example.com']);
  });

  it('reads a list written on one line, refusing what in it is no member', () => {
    const input = parseBulkInput(
      [
        'U0123ABCD, W0ABCDEFGHIJ, C0123ABCD',
        'Ada Lovelace <ada@example.com>; Grace Hopper <grace@example.com>',
        'U0SOMEONE1 U0SBXLONGID000000000X',
      ].join('\n'),
    );
    expect(sent(input)).toEqual([
      '1: U0123ABCD',
      '1: W0ABCDEFGHIJ',
      '2: ada@example.com',
      '2: grace@example.com',
      '3: U0SOMEONE1',
      '3: U0SBXLONGID000000000X',
    ]);
    expect(input.refused).toEqual([{ line: 1, text: 'C0123ABCD', reason: CHANNEL }]);
  });

  it('reads a mixed paste: plain lines, mentions with commas, CSV and TSV rows', () => {
    const input = parseBulkInput(
      [
        'U0123ABCD',
        '<@W0ABCDEFGHIJ|Hopper, Grace>',
        'https://app.slack.com/manage/E0SANDBOX01/people/U0SOMEONE1',
        'U0SBXLONGID000000000X,lou@example.com,Lou',
        'Riley Admin\triley@example.com',
        'bob@example.com',
        'C0123ABCD',
        'u0123abcd',
        'Just a note, with a comma',
      ].join('\n'),
    );
    expect(sent(input)).toEqual([
      '1: U0123ABCD',
      '2: W0ABCDEFGHIJ',
      '3: U0SOMEONE1',
      '4: U0SBXLONGID000000000X',
      '5: riley@example.com',
      '6: bob@example.com',
    ]);
    expect(input.members[3]!.email).toBe('lou@example.com');
    expect(input.refused).toEqual([
      { line: 7, text: 'C0123ABCD', reason: CHANNEL },
      { line: 9, text: 'Just a note, with a comma', reason: NO_MEMBER },
    ]);
    expect(input).toMatchObject({ duplicates: 1, emails: 2, headerSkipped: false });
  });
});

describe('the limit', () => {
  it(`keeps ${MAX_BULK_MEMBERS.toLocaleString('en')} members and says when there were more`, () => {
    const ids = Array.from({ length: MAX_BULK_MEMBERS + 2 }, (_, i) => memberId(i));
    const over = parseBulkInput([...ids, ids[0]!, ids.at(-1)!].join('\n'));
    expect(over.members).toHaveLength(MAX_BULK_MEMBERS);
    expect(over.members.at(-1)!.ref).toEqual(id(ids[MAX_BULK_MEMBERS - 1]!));
    expect(over).toMatchObject({ tooMany: true, overLimit: 2, duplicates: 2 });

    const exactly = parseBulkInput(ids.slice(0, MAX_BULK_MEMBERS).join('\n'));
    expect(exactly.members).toHaveLength(MAX_BULK_MEMBERS);
    expect(exactly).toMatchObject({ tooMany: false, overLimit: 0 });
  });

  it('counts members, not lines: repeats and refusals do not reach it', () => {
    const lines = Array.from({ length: MAX_BULK_MEMBERS }, (_, i) => memberId(i));
    const input = parseBulkInput([...lines, ...lines, 'C0123ABCD'].join('\n'));
    expect(input).toMatchObject({ tooMany: false, duplicates: MAX_BULK_MEMBERS });
    expect(input.refused).toHaveLength(1);
  });
});

describe('whatever is pasted', () => {
  it('never throws: random text, huge lines, lone quotes, broken characters', () => {
    const next = random(20_240_601);
    const alphabet = ['"', '""', ',', ';', '\t', '\n', '\r', ' ', '<@', '>', '|', '@', 'U0', 'W'];
    alphabet.push('https://', 'slack.com/team/', 'a.b', 'sep=', '\uFEFF', '\u200B', '\uD800', '“');
    for (let run = 0; run < 300; run++) {
      let text = '';
      const parts = Math.floor(next() * 200);
      for (let p = 0; p < parts; p++) {
        text +=
          next() < 0.5
            ? alphabet[Math.floor(next() * alphabet.length)]
            : String.fromCharCode(Math.floor(next() * 0x10000));
      }
      const input = parseBulkInput(text);
      for (const refused of input.refused) expect(refused.reason).toMatch(/[.!]$/);
    }
    const huge = [
      'x'.repeat(3_000_000),
      '"'.repeat(1_000_001),
      `"${'a,'.repeat(200_000)}`,
      `${'U0123ABCD,'.repeat(100_000)}`,
      `${'"\n'.repeat(50_000)}`,
      '<@'.repeat(100_000),
      `https://slack.com/team/${'U'.repeat(500_000)}`,
    ];
    for (const text of huge) expect(() => parseBulkInput(text)).not.toThrow();
    expect(parseBulkInput('x'.repeat(3_000_000)).refused[0]!.text.length).toBeLessThan(300);
    for (const odd of [undefined, null, 42, {}] as unknown as string[])
      expect(parseBulkInput(odd).members).toEqual([]);
  });

  it('parses 10,000 mixed lines fast', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => {
      const m = memberId(i);
      switch (i % 7) {
        case 0:
          return m;
        case 1:
          return `person${i}@example.com`;
        case 2:
          return `<@${m}|Person ${i}>`;
        case 3:
          return `https://acme-eng.slack.com/team/${m}`;
        case 4:
          return `${m},person${i}@example.com,"Person, ${i}"`;
        case 5:
          return `"Person ${i}"\tperson${i}@example.com\t${m.toLowerCase()}`;
        default:
          return `mailto:Person${i}@Example.com`;
      }
    });
    const text = lines.join('\n');
    let started = performance.now();
    const input = parseBulkInput(text);
    const first = performance.now() - started;
    let best = first;
    for (let run = 0; run < 4; run++) {
      started = performance.now();
      parseBulkInput(text);
      best = Math.min(best, performance.now() - started);
    }
    console.info(
      `parseBulkInput: 10,000 lines in ${first.toFixed(1)} ms (first run), ${best.toFixed(1)} ms (best of 5)`,
    );
    expect(input.members).toHaveLength(10_000);
    expect(input.refused).toEqual([]);
    expect(first).toBeLessThan(400);
  });
});
