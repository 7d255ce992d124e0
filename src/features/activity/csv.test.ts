import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';
import { type ActivityEntry, matchesFilter } from './model';
import { isoWithOffset } from './time';

const HEADER = [
  'Time',
  'Org',
  'Org ID',
  'Slack',
  'Admin',
  'Admin ID',
  'Source',
  'Action',
  'User ID',
  'Member name',
  'Member e-mail',
  'Devices',
  'Session ID',
  'Outcome',
  'Slack error',
  'Message',
  'Reason',
];

function entry(overrides: Partial<ActivityEntry> = {}): ActivityEntry {
  return {
    id: 'a1',
    at: '2024-05-01T10:00:00.000Z',
    org: 'Acme Corp',
    orgId: 'E0123ABCD',
    environment: 'gov',
    admin: 'grace',
    adminId: 'U0ADMIN001',
    source: 'popup',
    action: 'reset',
    userId: 'U0123ABCD',
    userName: 'Ada Lovelace',
    userEmail: 'ada@example.com',
    scope: 'all',
    outcome: 'success',
    ...overrides,
  };
}

/** A strict RFC 4180 reader: fails the test on anything a conforming writer would not produce. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const endRecord = () => {
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += text[i];
        i++;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote in an unquoted field at ${i}`);
        cell += text[i];
        i++;
      }
    }
    row.push(cell);
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      i += 2;
      endRecord();
    } else if (i >= text.length) {
      throw new Error('last record lacks its CRLF');
    } else {
      throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
    }
  }
  return rows;
}

const column = (name: string) => HEADER.indexOf(name);

describe('toCsv', () => {
  it('starts with a header row and ends every line with CRLF', () => {
    const csv = toCsv([entry()]);
    expect(csv.startsWith(`${HEADER.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes only the header for an empty log', () => {
    expect(toCsv([])).toBe(`${HEADER.join(',')}\r\n`);
  });

  it('writes one row per entry, in order, with every column filled from the entry', () => {
    const entries = [
      entry({ id: '1', userId: 'U0000000001' }),
      entry({
        id: '2',
        userId: 'W0000000002',
        action: 'invalidate',
        sessionId: '1112275520242',
        outcome: 'failed',
        errorCode: 'user_not_found',
        message: 'No such member.',
        reason: 'Lost laptop',
        source: 'context-menu',
        scope: undefined,
      }),
      entry({
        id: '3',
        userId: 'U0000000003',
        action: 'bulk-reset',
        source: 'bulk',
        environment: 'commercial',
      }),
    ];
    const rows = parseCsv(toCsv(entries));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual(HEADER);
    for (const row of rows) expect(row).toHaveLength(HEADER.length);
    expect(rows.slice(1).map((r) => r[column('User ID')])).toEqual([
      'U0000000001',
      'W0000000002',
      'U0000000003',
    ]);
    expect(rows.slice(1).map((r) => r[column('Slack')])).toEqual(['GovSlack', 'GovSlack', 'Slack']);
    // ISO 8601 with the local offset, naming the same instant as the stored time.
    const time = rows[2]![column('Time')]!;
    expect(time).toMatch(/^2024-05-01T\d\d:00:00[+-]\d\d:\d\d$/);
    expect(Date.parse(time)).toBe(Date.parse('2024-05-01T10:00:00.000Z'));
    expect(rows[2]).toEqual([
      isoWithOffset('2024-05-01T10:00:00.000Z'),
      'Acme Corp',
      'E0123ABCD',
      'GovSlack',
      'grace',
      'U0ADMIN001',
      'context-menu',
      'invalidate',
      'W0000000002',
      'Ada Lovelace',
      'ada@example.com',
      '',
      '1112275520242',
      'failed',
      'user_not_found',
      'No such member.',
      'Lost laptop',
    ]);
  });

  it('quotes cells with commas, quotes and line breaks and doubles the quotes', () => {
    const reason = 'Left, then "came back"\r\nand left\nagain';
    const csv = toCsv([entry({ reason, userName: 'Lovelace, Ada' })]);
    expect(csv).toContain('"Lovelace, Ada"');
    expect(csv).toContain('"Left, then ""came back""\r\nand left\nagain"');
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[column('Reason')]).toBe(reason);
    expect(rows[1]?.[column('Member name')]).toBe('Lovelace, Ada');
  });

  it('keeps session IDs as exact digit strings', () => {
    const rows = parseCsv(toCsv([entry({ sessionId: '9007199254740993' })]));
    expect(rows[1]?.[column('Session ID')]).toBe('9007199254740993');
  });

  it.each([
    ['=', '=HYPERLINK("https://evil.example","click")'],
    ['+', "+1+cmd|' /C calc'!A0"],
    ['-', '-2+3'],
    ['@', '@SUM(A1:A2)'],
    ['tab', '\t=1+1'],
    ['carriage return', '\r=1+1'],
  ])('neutralises a cell starting with %s with a leading apostrophe', (_name, payload) => {
    const rows = parseCsv(toCsv([entry({ userName: payload, reason: payload, message: payload })]));
    for (const name of ['Member name', 'Reason', 'Message']) {
      const cell = rows[1]?.[column(name)];
      expect(cell).toBe(`'${payload}`);
    }
  });

  it.each([
    ['a space', ' =HYPERLINK("https://evil.example","click")'],
    ['two spaces', '  +1+1'],
    ['a space before a minus', ' -2+3'],
    ['a space and a tab', ' \t=1+1'],
    ['a space and a carriage return', ' \r=1+1'],
    ['a line feed', '\n=1+1'],
    ['a no-break space', '\u00a0@SUM(A1:A2)'],
    ['two em spaces', '\u2003\u2003=1+1'],
    ['an ideographic space', '\u3000+1'],
    ['a byte order mark', '\ufeff=1+1'],
  ])(
    'neutralises a formula behind %s with a leading apostrophe, the cell otherwise intact',
    (_name, payload) => {
      const rows = parseCsv(
        toCsv([entry({ userName: payload, reason: payload, message: payload })]),
      );
      for (const name of ['Member name', 'Reason', 'Message']) {
        expect(rows[1]?.[column(name)]).toBe(`'${payload}`);
      }
      // The apostrophe is the cell's first character, inside the quotes when it has them.
      expect(csvCell(payload)).toMatch(/^"?'/);
    },
  );

  it('neutralises formulas in every free-text column, including org and admin names', () => {
    const rows = parseCsv(
      toCsv([entry({ org: '=cmd', admin: '+cmd', userEmail: '@cmd', errorCode: '-cmd' })]),
    );
    expect(rows[1]?.[column('Org')]).toBe("'=cmd");
    expect(rows[1]?.[column('Admin')]).toBe("'+cmd");
    expect(rows[1]?.[column('Member e-mail')]).toBe("'@cmd");
    expect(rows[1]?.[column('Slack error')]).toBe("'-cmd");
  });

  it('leaves ordinary text alone', () => {
    expect(csvCell('Ada Lovelace')).toBe('Ada Lovelace');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('')).toBe('');
    // Leading whitespace alone is kept and quoted, as before; only a formula behind it is marked.
    expect(csvCell(' a=b')).toBe('" a=b"');
    expect(csvCell('  Ada')).toBe('"  Ada"');
    expect(csvCell('\u00a0')).toBe('"\u00a0"');
  });

  it('writes the apostrophe inside the quotes when the cell also needs quoting', () => {
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvCell('="a"')).toBe(`"'=""a"""`);
  });
});

describe('matchesFilter', () => {
  const ada = entry();
  const failed = entry({
    id: 'b',
    userId: 'W0987ZYXW',
    userName: 'Grace Hopper',
    userEmail: 'Grace@Navy.example',
    outcome: 'failed',
  });

  it('matches everything with no filter or an empty one', () => {
    expect(matchesFilter(ada, undefined)).toBe(true);
    expect(matchesFilter(ada, {})).toBe(true);
    expect(matchesFilter(ada, { user: '   ' })).toBe(true);
  });

  it.each([
    ['U0123ABCD'],
    ['u0123abcd'],
    ['0123'],
    ['ada lovelace'],
    ['LOVELACE'],
    ['ADA@EXAMPLE.COM'],
    ['example.com'],
    ['  ada  '],
  ])('matches Ada by %j', (user) => {
    expect(matchesFilter(ada, { user })).toBe(true);
    expect(matchesFilter(failed, { user })).toBe(false);
  });

  it('matches Grace by a lower-cased e-mail', () => {
    expect(matchesFilter(failed, { user: 'grace@navy.example' })).toBe(true);
  });

  it('matches by user ID when the entry has no name or e-mail', () => {
    const bare = entry({ userName: undefined, userEmail: undefined });
    expect(matchesFilter(bare, { user: 'u0123' })).toBe(true);
    expect(matchesFilter(bare, { user: 'ada' })).toBe(false);
  });

  it('filters by outcome', () => {
    expect(matchesFilter(ada, { outcome: 'success' })).toBe(true);
    expect(matchesFilter(ada, { outcome: 'failed' })).toBe(false);
    expect(matchesFilter(failed, { outcome: 'failed' })).toBe(true);
    expect(matchesFilter(failed, { outcome: 'success' })).toBe(false);
  });

  it('requires both the user and the outcome when both are given', () => {
    expect(matchesFilter(ada, { user: 'ada', outcome: 'success' })).toBe(true);
    expect(matchesFilter(ada, { user: 'ada', outcome: 'failed' })).toBe(false);
    expect(matchesFilter(failed, { user: 'ada', outcome: 'failed' })).toBe(false);
  });
});
