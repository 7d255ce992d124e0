/**
 * The one parser for each kind of ID an admin types, pastes or right-clicks: user, workspace,
 * organization, session, e-mail address and profile link. The UIs use them for live
 * validation, the background at its door, and the Slack client before anything is sent.
 * Each returns a value or a sentence saying what is wrong — never throws.
 */
import { type MessageKey, t } from './i18n';
import { parsedFail as fail, parsedOk as ok, type Parsed } from './parsed';
import { isSlackHost, parseUrl } from './url';

export type { Parsed } from './parsed';

export type UserId = string & { readonly __brand: 'UserId' };
export type TeamId = string & { readonly __brand: 'TeamId' };
export type EnterpriseId = string & { readonly __brand: 'EnterpriseId' };
/** Session IDs are ~13-digit integers: kept as digit strings so nothing ever rounds them. */
export type SessionId = string & { readonly __brand: 'SessionId' };

/** What a person may name a member by. */
export type UserRef = { kind: 'id'; userId: UserId } | { kind: 'email'; email: string };

// Slack IDs vary in length (9 in the old spec, 11 today, longer allowed): never assume one.
const USER_ID = /^[UW][A-Z0-9]{8,31}$/;
const TEAM_ID = /^T[A-Z0-9]{8,31}$/;
const ENTERPRISE_ID = /^E[A-Z0-9]{8,31}$/;
const SESSION_ID = /^[0-9]{1,20}$/;
// Deliberately plain ASCII: a look-alike letter in an address is a mistake, not a member.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const MAX_INPUT = 2048;
/** IDs people paste by mistake, by their first letter. */
const OTHER_IDS: Record<string, MessageKey> = {
  T: 'id_otherT',
  E: 'id_otherE',
  C: 'id_otherC',
  G: 'id_otherG',
  D: 'id_otherD',
  B: 'id_otherB',
  A: 'id_otherA',
};

/** Trims spaces and the surrounding quotes that pasting tends to bring along. */
export function tidy(input: string): string {
  let text = input.trim();
  for (;;) {
    const unquoted = text.replace(/^(["'`“”‘’])(.*)\1$/s, '$2').replace(/^[“‘](.*)[”’]$/s, '$1');
    if (unquoted === text) break;
    text = unquoted.trim();
  }
  return text;
}

/**
 * Upper-cases a-z only. `toUpperCase` would turn "ß" into "SS", "ı" into "I" and "ſ" into "S",
 * letting look-alike characters pass as an ID.
 */
function asciiUpper(text: string): string {
  return text.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}

function tooLong(text: string): boolean {
  return text.length > MAX_INPUT;
}

export function parseUserId(input: string): Parsed<UserId> {
  const text = tidy(input);
  if (text === '') return fail(t('id_enterUserId'));
  if (tooLong(text)) return fail(t('id_userIdTooLong'));
  const mention = /^<@([A-Za-z0-9]+)(?:\|[^>]*)?>$/.exec(text);
  const typed = mention ? mention[1]! : text;
  const candidate = asciiUpper(typed);
  if (USER_ID.test(candidate)) {
    // A digit-free word typed in lower case ("undefined", "wonderful") is not an ID.
    if (!/[0-9]/.test(candidate) && typed !== candidate) {
      return fail(t('id_wordNotId', typed.slice(0, 40)));
    }
    return ok(candidate as UserId);
  }
  const other = OTHER_IDS[candidate[0] ?? ''];
  if (other && /^[A-Z][A-Z0-9]{8,31}$/.test(candidate)) {
    return fail(t('id_otherKind', candidate, t(other)));
  }
  if (/^[UW][A-Z0-9]{1,7}$/.test(candidate)) {
    return fail(t('id_tooShort', candidate));
  }
  return fail(t('id_userIdShape'));
}

/** A user ID exactly as Slack writes it (no spaces, upper case): the fast path for markup. */
export function isExactUserId(text: string): text is UserId {
  return USER_ID.test(text);
}

export function parseEmail(input: string): Parsed<string> {
  const text = tidy(input)
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1');
  if (text === '') return fail(t('id_enterEmail'));
  if (tooLong(text) || text.length > 254) return fail(t('id_emailTooLong'));
  if (!EMAIL.test(text)) return fail(t('id_emailInvalid', text.slice(0, 80)));
  return ok(text.toLowerCase());
}

const PROFILE_PATH =
  /\/(?:team|people|user|user_profile|members?)\/([UW][A-Z0-9]{8,31})(?:[/?#]|$)/i;

/** Slack profile links: `…/team/U…`, `…/people/U…`, or any Slack URL with `user_id=U…`. */
export function parseProfileLink(input: string): Parsed<UserId> {
  const text = tidy(input);
  if (tooLong(text)) return fail(t('id_linkTooLong'));
  const url = parseUrl(text);
  if (!url) return fail(t('id_notALink'));
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(t('id_notAWebLink'));
  if (!isSlackHost(url.hostname)) return fail(t('id_notSlackHost', url.hostname));
  const fromQuery =
    url.searchParams.get('user_id') ?? url.searchParams.get('user') ?? url.searchParams.get('id');
  if (fromQuery) {
    const parsed = parseUserId(fromQuery);
    if (parsed.ok) return parsed;
  }
  const fromPath = PROFILE_PATH.exec(url.pathname + url.hash.replace(/^#/, '/'));
  if (fromPath) return ok(asciiUpper(fromPath[1]!) as UserId);
  return fail(t('id_notAProfile'));
}

const SCHEME_AND_HOST = /^(?:([a-z][a-z0-9+.-]*):)?\/\/([^/?#]*)/i;
const OTHER_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const USER_PARAM = /[?&#](?:user_id|user)=([UW][A-Z0-9]{8,31})(?=[&#]|$)/i;

/**
 * The member a link's raw `href` points to, without building a URL object: the content
 * script reads thousands of these. Relative links are on the Slack page itself; absolute
 * ones must be on a Slack host.
 */
export function userIdFromHref(href: string | null): UserId | undefined {
  if (!href || href.length > MAX_INPUT) return undefined;
  const absolute = SCHEME_AND_HOST.exec(href);
  if (absolute) {
    const scheme = absolute[1]?.toLowerCase();
    if (scheme && scheme !== 'https' && scheme !== 'http') return undefined;
    if (!isSlackHost(absolute[2]!.replace(/:\d+$/, ''))) return undefined;
  } else if (OTHER_SCHEME.test(href)) {
    return undefined;
  }
  const found = PROFILE_PATH.exec(href) ?? USER_PARAM.exec(href);
  return found ? (asciiUpper(found[1]!) as UserId) : undefined;
}

/** One member, named by ID, `<@ID>` mention, e-mail address or profile link. */
export function parseUserRef(input: string): Parsed<UserRef> {
  const text = tidy(input);
  if (text === '') return fail(t('id_enterMember'));
  if (tooLong(text)) return fail(t('id_memberTooLong'));
  if (/^https?:\/\//i.test(text)) {
    const link = parseProfileLink(text);
    return link.ok ? ok({ kind: 'id', userId: link.value }) : link;
  }
  if (text.includes('@') && !text.startsWith('<@')) {
    const email = parseEmail(text);
    return email.ok ? ok({ kind: 'email', email: email.value }) : email;
  }
  const id = parseUserId(text);
  return id.ok ? ok({ kind: 'id', userId: id.value }) : id;
}

/** A workspace (team) ID: T… */
export function parseWorkspaceId(input: string): Parsed<TeamId> {
  const text = asciiUpper(tidy(input));
  if (TEAM_ID.test(text)) return ok(text as TeamId);
  return fail(t('id_workspaceShape'));
}

export function parseEnterpriseId(input: string): Parsed<EnterpriseId> {
  const text = asciiUpper(tidy(input));
  if (ENTERPRISE_ID.test(text)) return ok(text as EnterpriseId);
  return fail(t('id_orgShape'));
}

/**
 * Where Slack takes either: a member's sessions are listed per workspace, and Slack's own
 * session-list example carries the organization's E… ID.
 */
export function parseWorkspaceOrOrgId(input: string): Parsed<TeamId | EnterpriseId> {
  const text = asciiUpper(tidy(input));
  if (TEAM_ID.test(text)) return ok(text as TeamId);
  if (ENTERPRISE_ID.test(text)) return ok(text as EnterpriseId);
  return fail(t('id_workspaceOrOrgShape'));
}

/** Accepts a digit string or a safe integer; anything else (fractions, signs, int32 wrap) is refused. */
export function parseSessionId(input: string | number): Parsed<SessionId> {
  if (typeof input === 'number') {
    if (!Number.isSafeInteger(input) || input < 0) return fail(t('id_sessionNotWhole'));
    return ok(String(input) as SessionId);
  }
  const text = tidy(input);
  if (SESSION_ID.test(text)) return ok(text.replace(/^0+(?=\d)/, '') as SessionId);
  return fail('A session ID is a number, for example 1112275520242.');
}

const MENTION = /<@([UW][A-Z0-9]{8,31})(?:\|[^>]*)?>/g;
// In prose, an ID stands alone and holds a digit: "UNDERSTAND" is a word, not a member.
const BARE_ID = /(?<![\p{L}\p{N}_])([UW](?=[A-Z]*[0-9])[A-Z0-9]{8,31})(?![\p{L}\p{N}_])/gu;
// An address starts where its run of address characters starts: tried from every character of
// a long run instead, a selection of 200,000 letters took half a minute (quadratic).
const EMAIL_IN_TEXT = /(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
// `|` ends a link too: Slack writes links as <https://…|label>.
const LINK_IN_TEXT = /https?:\/\/[^\s<>"'|]+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;

const FIRST_BARE_ID = new RegExp(BARE_ID.source, 'u');

/** The first user ID standing alone in prose, if any (as `extractUserRefs` reads bare IDs). */
export function firstUserIdInText(text: string): UserId | undefined {
  return FIRST_BARE_ID.exec(text.slice(0, 200_000))?.[1] as UserId | undefined;
}

/**
 * Every member named in free text (a selection, a pasted list, a CSV): IDs, mentions,
 * e-mails and profile links, in order of appearance, without repeats, at most `limit`.
 * IDs must be written in capitals here: in prose a lower-case "u1234abcd" is rarely an ID.
 */
export function extractUserRefs(text: string, limit = 50): UserRef[] {
  const found: { at: number; ref: UserRef }[] = [];
  const seen = new Set<string>();
  const add = (at: number, ref: UserRef) => {
    const key = ref.kind === 'id' ? ref.userId : ref.email;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ at, ref });
  };
  // Each kind is blanked out once read, so an ID inside a link or an e-mail is not read twice.
  const blank = (source: string, pattern: RegExp) =>
    source.replace(pattern, (m) => ' '.repeat(m.length));
  let rest = text.slice(0, 200_000);
  for (const match of rest.matchAll(LINK_IN_TEXT)) {
    const link = parseProfileLink(match[0].replace(TRAILING_PUNCTUATION, ''));
    if (link.ok) add(match.index, { kind: 'id', userId: link.value });
  }
  rest = blank(rest, LINK_IN_TEXT);
  for (const match of rest.matchAll(MENTION)) {
    add(match.index, { kind: 'id', userId: match[1] as UserId });
  }
  rest = blank(rest, MENTION);
  for (const match of rest.matchAll(EMAIL_IN_TEXT)) {
    const email = parseEmail(match[0]);
    if (email.ok) add(match.index, { kind: 'email', email: email.value });
  }
  rest = blank(rest, EMAIL_IN_TEXT);
  for (const match of rest.matchAll(BARE_ID)) {
    add(match.index, { kind: 'id', userId: match[1] as UserId });
  }
  return found
    .sort((a, b) => a.at - b.at)
    .slice(0, Math.max(0, limit))
    .map((f) => f.ref);
}

export function describeUserRef(ref: UserRef): string {
  return ref.kind === 'id' ? ref.userId : ref.email;
}
