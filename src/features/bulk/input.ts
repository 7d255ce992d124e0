/**
 * What an admin pastes into the bulk page's Users field, or imports from a .csv/.txt file, read
 * into the members to reset. The page shows it as a live preview and the background reads the
 * same text with this same function at its door, so the preview is exactly what is sent.
 *
 * Accepted: one member a line (user ID, `<@U…>` mention, e-mail, `mailto:`, profile link,
 * `Name <address>`), or CSV/TSV from a spreadsheet or an HR/IdP export, where any column may
 * hold the member. Pure and linear in the input's length; never throws.
 */
import { t } from '../../shared/i18n';
import { parseUserRef, tidy, type UserRef } from '../../shared/ids';
import { MAX_BULK_MEMBERS } from './model';

export interface BulkMember {
  ref: UserRef;
  /** The cell or line that named the member, as written (trimmed). */
  given: string;
  /** 1-based line of the input. */
  line: number;
  /** An e-mail address in the same row as the user ID: context only, never looked up. */
  email?: string;
}

export interface RefusedLine {
  line: number;
  /** The line (or, in a list on one line, the cell) as written, cut short when very long. */
  text: string;
  /** Why, as a sentence. */
  reason: string;
}

export interface BulkInput {
  /** In order of first appearance, without repeats. */
  members: BulkMember[];
  refused: RefusedLine[];
  /** Repeats merged: the same user ID, or the same e-mail address in any case. */
  duplicates: number;
  /** Members named by e-mail, which need a look-up before they can be sent. */
  emails: number;
  headerSkipped: boolean;
  /** More than MAX_BULK_MEMBERS members: `members` is cut to the limit. */
  tooMany: boolean;
  /** Distinct members left out past the limit. */
  overLimit: number;
}

export const NO_MEMBER_ON_LINE = t('bulk_noMemberOnLine');
/** Worded when it is said: the preview worker words its sentences only once it has started. */
const noMemberOnLine = () => t('bulk_noMemberOnLine');

const NEWLINE = /\r\n|\r|\n/;
/** Tried in this order when a line does not say: a tab never occurs inside a name. */
const DELIMITERS = ['\t', ';', ','] as const;
/** Non-blank lines read to choose the delimiter. */
const SAMPLE_LINES = 10;
/** A quoted cell may run over this many lines at most (RFC 4180 allows line breaks). */
const MAX_JOINED_LINES = 10;
const MAX_JOINED_CHARS = 10_000;
/** Refused text longer than this is cut: the reason matters, not a megabyte of it. */
const MAX_SHOWN = 200;
/** Excel's first line naming the delimiter. */
const SEP_LINE = /^sep=([^\p{L}\p{N}"\s]|\t) *$/iu;
/** Nothing but spaces, quotes and delimiters: a blank line, or a spreadsheet's empty row. */
const EMPTY_ROW = /^[\s"'`,;\u200B-\u200D\u2060\uFEFF]*$/;
const INVISIBLE_EDGES = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;
/** Quotes left over on one side only ("U0123ABCD), which `tidy` keeps. */
const STRAY_QUOTES = /^["'`“”‘’]+|["'`“”‘’]+$/g;
/** `Ada Lovelace <ada@example.com>`, as mail programs copy addresses. */
const NAMED_ADDRESS = /^[^<>]*<((?:mailto:)?[^<>\s@]+@[^<>\s]+)>$/i;
const WHITESPACE = /\s+/;
/** A mention, a link or a named address: the members that may hold a comma or a semicolon. */
const WHOLE_WITH_DELIMITERS = /^["'“‘]?\s*(?:<@|https?:)|>$/i;
/**
 * A cell someone meant as a member, for refusing it with the parser's own sentence: a mention,
 * an address, a link, or an ID-like word (letters then a digit somewhere, no spaces).
 */
const MEMBERISH = /^<@|@|^(?:https?|mailto):|^[A-Za-z](?=[A-Za-z]*[0-9])[A-Za-z0-9]{2,40}$/i;
/** A column name: some words ("Email Address [Required]"), no address or mention. */
const HEADER_CELL = /^(?=.*\p{L})[^@<>]{1,80}$/su;
const CAMEL = /([a-z])([A-Z])/g;
const NON_LETTERS = /[^a-z]+/;
/** Words that name a member's column; a header row holds at least one. */
const HEADER_WORDS = new Set([
  'id',
  'ids',
  'user',
  'userid',
  'uid',
  'username',
  'email',
  'mail',
  'name',
  'member',
  'login',
  'upn',
  'account',
  'slack',
  'principal',
  'person',
  'people',
  'employee',
  'staff',
  'handle',
]);
/** Words of a header naming someone else than the member (a re-imported activity log's Admin ID). */
const OTHER_PERSON_WORDS = new Set([
  'admin',
  'manager',
  'supervisor',
  'boss',
  'lead',
  'approver',
  'sponsor',
  'report',
  'assistant',
  'delegate',
  'owner',
  'creator',
  'created',
  'modified',
  'updated',
  'invited',
  'inviter',
  'by',
  'backup',
  'emergency',
  'secondary',
]);
/** Words of a header naming the member's own ID or address: their cells come first. */
const OWN_WORDS = new Set([
  'id',
  'email',
  'mail',
  'user',
  'userid',
  'uid',
  'member',
  'username',
  'login',
  'upn',
  'principal',
]);

/** One cell, read. */
interface Cell {
  /** As written (CSV quotes undone), trimmed. */
  given: string;
  /** What the parser is given: invisible edges, stray quotes and a display name taken off. */
  clean: string;
  ref?: UserRef;
  /** The parser's sentence, when it is no member (unset for cells not worth parsing). */
  message?: string;
  memberish: boolean;
}

interface Split {
  cells: string[];
  /** The text ended inside a quoted cell. */
  open: boolean;
  /** Text after a closing quote (`"a"b`): not RFC 4180. */
  malformed: boolean;
}

const isBlank = (c: string) => c === ' ' || c === '\u00A0';

/**
 * RFC 4180 cells: a cell starting with `"` (after spaces) runs to the next lone `"`, `""` is a
 * quote, delimiters and line breaks inside are text. Lenient where it is not: a quote that is
 * never closed is taken as a stray character, text after a closing quote is kept.
 */
function splitCells(text: string, delimiter: string | undefined): Split {
  const cells: string[] = [];
  let open = false;
  let malformed = false;
  const n = text.length;
  const nextDelimiter = (from: number) => (delimiter ? text.indexOf(delimiter, from) : -1);
  let i = 0;
  for (;;) {
    let j = i;
    while (j < n && isBlank(text[j]!)) j++;
    if (j < n && text[j] === '"' && !open) {
      let value = '';
      let k = j + 1;
      let closed = false;
      while (k < n) {
        const quote = text.indexOf('"', k);
        if (quote === -1) break;
        value += text.slice(k, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          k = quote + 2;
          continue;
        }
        k = quote + 1;
        closed = true;
        break;
      }
      if (!closed) {
        // Never closed: read the rest as if that quote were an ordinary character.
        open = true;
        i = j + 1;
        continue;
      }
      let m = k;
      while (m < n && isBlank(text[m]!)) m++;
      if (m >= n) {
        cells.push(value);
        return { cells, open, malformed };
      }
      if (text[m] === delimiter) {
        cells.push(value);
        i = m + 1;
        continue;
      }
      malformed = true;
      const end = nextDelimiter(m);
      cells.push(value + text.slice(k, end === -1 ? n : end));
      if (end === -1) return { cells, open, malformed };
      i = end + 1;
      continue;
    }
    const end = nextDelimiter(i);
    if (end === -1) {
      cells.push(text.slice(i));
      return { cells, open, malformed };
    }
    cells.push(text.slice(i, end));
    i = end + 1;
  }
}

/** Quotes and invisible characters that `tidy` or the edge clean-up would take off. */
const EDGE = /["'`“”‘’\s\u200B-\u200D\u2060\uFEFF]/;
const SPACE = /\s/;

function readCell(raw: string): Cell {
  const given = raw.trim();
  let clean = given;
  // Most cells have nothing to take off: skip the regular expressions for them.
  if (clean !== '' && (EDGE.test(clean[0]!) || EDGE.test(clean[clean.length - 1]!)))
    clean = tidy(clean.replace(INVISIBLE_EDGES, '')).replace(STRAY_QUOTES, '');
  if (clean.endsWith('>') && !clean.startsWith('<@')) {
    const named = NAMED_ADDRESS.exec(clean);
    if (named) clean = named[1]!;
  }
  if (clean === '') return { given, clean, memberish: false };
  // Only a mention may hold a space and still be a member: other cells are not parsed (their
  // sentence is asked for if it is needed).
  if (SPACE.test(clean) && !clean.startsWith('<@')) return { given, clean, memberish: false };
  const parsed = parseUserRef(clean);
  if (parsed.ok) return { given, clean, ref: parsed.value, memberish: true };
  return { given, clean, message: parsed.message, memberish: MEMBERISH.test(clean) };
}

/** The parser's sentence for a cell that is no member. */
function reasonFor(cell: Cell): string {
  if (cell.message !== undefined) return cell.message;
  const parsed = parseUserRef(cell.clean);
  return parsed.ok ? noMemberOnLine() : parsed.message;
}

function headerWords(name: string): string[] {
  return name
    .replace(CAMEL, '$1 $2')
    .toLowerCase()
    .split(NON_LETTERS)
    .filter((w) => w !== '')
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/** The first non-blank row is a header when it names columns and holds no member. */
function looksLikeHeader(cells: Cell[]): boolean {
  const named = cells.filter((c) => c.clean !== '');
  if (named.length === 0) return false;
  const shaped = named.every((c) => !c.ref && !c.memberish && HEADER_CELL.test(c.clean));
  return shaped && named.some((c) => headerWords(c.clean).some((w) => HEADER_WORDS.has(w)));
}

interface Table {
  delimiter: string | undefined;
  /** The header's column names, as written. */
  names: string[];
  /** Where to look for the member, by column index: the member's own ID or address first. */
  order: number[];
}

/**
 * What a header says about its columns: the member's own ID or address is looked for first,
 * then the other columns. Columns naming someone else (a manager, an admin) are not looked in
 * at all, unless every column does (then the file is about those people).
 */
function tableOf(header: Cell[], delimiter: string | undefined): Table {
  const ranked = header.map((cell, index) => {
    const words = headerWords(cell.clean);
    if (words.some((w) => OTHER_PERSON_WORDS.has(w))) return { index, rank: 2 };
    return { index, rank: words.some((w) => OWN_WORDS.has(w)) ? 0 : 1 };
  });
  const own = ranked.some((c) => c.rank < 2) ? ranked.filter((c) => c.rank < 2) : ranked;
  own.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return { delimiter, names: header.map((c) => c.given), order: own.map((c) => c.index) };
}

/** The cells to look for the member in, in that order; cells past the header's come last. */
function ordered(cells: Cell[], table: Table | undefined): Cell[] {
  if (!table) return cells;
  const out: Cell[] = [];
  for (const index of table.order) {
    const cell = cells[index];
    if (cell) out.push(cell);
  }
  return out.concat(cells.slice(table.names.length));
}

function cut(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

class Collector {
  readonly members: BulkMember[] = [];
  readonly refused: RefusedLine[] = [];
  duplicates = 0;
  emails = 0;
  overLimit = 0;
  private readonly seen = new Set<string>();

  add(ref: UserRef, given: string, line: number, email?: string): void {
    const key = ref.kind === 'id' ? ref.userId : ref.email;
    if (this.seen.has(key)) {
      this.duplicates++;
      return;
    }
    this.seen.add(key);
    if (this.members.length >= MAX_BULK_MEMBERS) {
      this.overLimit++;
      return;
    }
    const member: BulkMember = { ref, given: cut(given), line };
    if (email !== undefined) member.email = email;
    this.members.push(member);
    if (ref.kind === 'email') this.emails++;
  }

  refuse(line: number, text: string, reason: string): void {
    this.refused.push({ line, text: cut(text), reason });
  }
}

/** The delimiter most of the first lines use (outside quotes), if any. */
function detectDelimiter(lines: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestLines = 0;
  const counts = new Map<string, number>();
  let sampled = 0;
  for (const line of lines) {
    if (sampled >= SAMPLE_LINES) break;
    const text = line.trim();
    if (text === '') continue;
    sampled++;
    const sep = sampled === 1 ? SEP_LINE.exec(line.trimStart()) : null;
    if (sep) return sep[1];
    for (const d of DELIMITERS) {
      if (text.includes(d) && splitCells(text, d).cells.length > 1)
        counts.set(d, (counts.get(d) ?? 0) + 1);
    }
  }
  for (const d of DELIMITERS) {
    const seen = counts.get(d) ?? 0;
    if (seen > bestLines) {
      best = d;
      bestLines = seen;
    }
  }
  return best;
}

/** Whether a line, by itself or in one of its cells, names a member. */
function holdsMember(line: string, delimiter: string): boolean {
  const text = line.trim();
  if (text === '') return false;
  if (parseUserRef(text).ok) return true;
  return splitCells(text, delimiter).cells.some((c) => readCell(c).ref !== undefined);
}

/** Where a scan stands: `quote-seen` is a quote inside a quoted cell (doubled, or its end). */
type QuoteState = 'cell-start' | 'unquoted' | 'quoted' | 'quote-seen' | 'after-close';

/** Where RFC 4180 quoting stands after `text`, from `state`: one pass, no cells built. */
function scanQuotes(
  text: string,
  delimiter: string,
  state: QuoteState,
): { state: QuoteState; malformed: boolean } {
  let malformed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    switch (state) {
      case 'cell-start':
        if (c === '"') state = 'quoted';
        else if (c !== delimiter && !isBlank(c)) state = 'unquoted';
        break;
      case 'unquoted':
        if (c === delimiter) state = 'cell-start';
        break;
      case 'quoted':
        if (c === '"') state = 'quote-seen';
        break;
      case 'quote-seen':
      case 'after-close':
        if (c === '"' && state === 'quote-seen') state = 'quoted';
        else if (c === delimiter) state = 'cell-start';
        else if (isBlank(c)) state = 'after-close';
        else {
          malformed = true;
          state = 'unquoted';
        }
        break;
    }
  }
  return { state, malformed };
}

/**
 * A row whose quoted cell runs over line breaks, as RFC 4180 allows: the lines it spans. Not
 * when the quote is not properly closed within a few lines, nor when a line it would swallow
 * names a member: then the quote was a stray one, and no member may vanish into a cell. (The
 * line that closes the cell holds the rest of the row, members included.)
 */
function quotedRow(
  lines: readonly string[],
  at: number,
  delimiter: string,
): { text: string; span: number } | undefined {
  const first = lines[at]!;
  if (!first.includes('"')) return undefined;
  let scan = scanQuotes(first, delimiter, 'cell-start');
  if (scan.state !== 'quoted') return undefined;
  let length = first.length;
  for (let k = 1; k <= MAX_JOINED_LINES && at + k < lines.length; k++) {
    const next = lines[at + k]!;
    length += next.length + 1;
    if (length > MAX_JOINED_CHARS) return undefined;
    scan = scanQuotes(`\n${next}`, delimiter, scan.state);
    if (scan.malformed) return undefined;
    if (scan.state !== 'quoted') {
      if (parseUserRef(next.replace(STRAY_QUOTES, '')).ok) return undefined;
      return { text: lines.slice(at, at + k + 1).join('\n'), span: k + 1 };
    }
    if (holdsMember(next, delimiter)) return undefined;
  }
  return undefined;
}

/**
 * Takes the members in one row's cells; false when there are none. Table rows (under a header
 * of several columns, or with text besides members) name one member: its user ID, with an
 * address beside it kept as context. A row of nothing but members (`U1, U2, U3`, addresses
 * copied from a mail program) is a list written on one line, except an ID beside one address.
 */
function takeRow(
  record: string,
  cells: Cell[],
  line: number,
  table: Table | undefined,
  into: Collector,
): boolean {
  const named = cells.filter((c) => c.clean !== '');
  const found = named.filter((c) => c.ref);
  if (found.length === 0) return false;
  const ids = found.filter((c) => c.ref!.kind === 'id').length;
  const pair = named.length === 2 && ids === 1 && found.length === 2;
  const list = !table && named.length >= 2 && !pair && named.every((c) => c.ref || c.memberish);
  if (list) {
    for (const cell of named) {
      if (cell.ref) into.add(cell.ref, cell.given, line);
      else into.refuse(line, cell.given, reasonFor(cell));
    }
    return true;
  }
  const search = ordered(cells, table);
  const byId = search.find((cell) => cell.ref?.kind === 'id');
  const byEmail = search.find((cell) => cell.ref?.kind === 'email');
  const chosen = byId ?? byEmail;
  if (!chosen) {
    // Only in a column naming someone else: resetting that person was not asked for.
    const column = table?.names[cells.indexOf(found[0]!)] ?? '';
    into.refuse(line, record, otherPersonOnly(column));
    return true;
  }
  const email = byId && byEmail?.ref?.kind === 'email' ? byEmail.ref.email : undefined;
  into.add(chosen.ref!, chosen.given, line, email);
  return true;
}

function otherPersonOnly(column: string): string {
  return t('bulk_otherPersonOnly', cut(column));
}

/** `U1 U2 U3`: only when every word is a member. */
function takeWords(text: string, line: number, into: Collector): boolean {
  if (!WHITESPACE.test(text)) return false;
  const words = text.split(WHITESPACE).filter((w) => w !== '');
  if (words.length < 2) return false;
  const cells = words.map(readCell);
  if (!cells.every((c) => c.ref)) return false;
  for (const cell of cells) into.add(cell.ref!, cell.given, line);
  return true;
}

export function parseBulkInput(text: string): BulkInput {
  const into = new Collector();
  const lines = (typeof text === 'string' ? text : '').replace(/^\uFEFF/, '').split(NEWLINE);
  let delimiter = detectDelimiter(lines);
  let table: Table | undefined;
  let headerSkipped = false;
  let firstRow = true;

  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    if (EMPTY_ROW.test(lines[i]!)) continue;
    if (firstRow) {
      const sep = SEP_LINE.exec(lines[i]!.trimStart());
      if (sep) {
        delimiter = sep[1];
        continue;
      }
    }
    let record = lines[i]!.replace(INVISIBLE_EDGES, '');
    if (delimiter) {
      const joined = quotedRow(lines, i, delimiter);
      if (joined) {
        record = joined.text.replace(INVISIBLE_EDGES, '');
        i += joined.span - 1;
      }
    }
    const isFirst = firstRow;
    firstRow = false;

    // A line that is one member as a whole: a mention, a link or a named address may hold a
    // comma themselves.
    if (
      !record.includes('\t') &&
      !record.includes('\n') &&
      ((!record.includes(',') && !record.includes(';')) || WHOLE_WITH_DELIMITERS.test(record))
    ) {
      const whole = readCell(record);
      if (whole.ref) {
        into.add(whole.ref, whole.given, line);
        continue;
      }
    }

    // The table's (or the detected) delimiter first, then any other the line holds.
    const first = table?.delimiter ?? delimiter;
    const tried: string[] = DELIMITERS.filter((d) => d !== first && record.includes(d));
    if (first !== undefined && record.includes(first)) tried.unshift(first);
    let primary: Cell[] | undefined;
    let primaryDelimiter: string | undefined;
    let taken = false;
    for (const d of tried) {
      const cells = splitCells(record, d).cells.map(readCell);
      if (!primary) {
        primary = cells;
        primaryDelimiter = d;
      }
      if (takeRow(record, cells, line, d === table?.delimiter ? table : undefined, into)) {
        taken = true;
        break;
      }
    }
    if (taken) continue;
    if (!primary) {
      primary = splitCells(record, undefined).cells.map(readCell);
      if (takeRow(record, primary, line, undefined, into)) continue;
    }
    if (primary.length === 1 && takeWords(primary[0]!.clean, line, into)) continue;

    if (isFirst && looksLikeHeader(primary)) {
      headerSkipped = true;
      if (primary.length > 1) table = tableOf(primary, primaryDelimiter);
      continue;
    }
    const named = primary.filter((c) => c.clean !== '');
    const meant = named.length === 1 ? named[0] : named.find((c) => c.memberish);
    into.refuse(line, record, meant ? reasonFor(meant) : noMemberOnLine());
  }

  return {
    members: into.members,
    refused: into.refused,
    duplicates: into.duplicates,
    emails: into.emails,
    headerSkipped,
    tooMany: into.overLimit > 0,
    overLimit: into.overLimit,
  };
}
