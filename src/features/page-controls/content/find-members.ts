/**
 * Where members are on a Slack admin page. Slack's admin markup is undocumented and changes,
 * so several independent signals are used: the page URL, profile links, ID-carrying data
 * attributes, rows of the org People table, and selectors the admin adds in the settings.
 * Everything here runs once per candidate element, thousands of times on a big page: no URL
 * objects, no subtree searches where an attribute read will do.
 */
import {
  firstUserIdInText,
  isExactUserId,
  parseProfileLink,
  parseUserId,
  type UserId,
  userIdFromHref,
} from '../../../shared/ids';

const ID_ATTRIBUTES = [
  'data-member-id',
  'data-user-id',
  'data-qa-user-id',
  'data-member',
  'data-userid',
];
const ID_CARRIERS = ID_ATTRIBUTES.map((a) => `[${a}]`).join(',');
const LINK_PATTERNS = ['a[href*="/team/"]', 'a[href*="/people/"]', 'a[href*="user_id="]'];
const PROFILE_LINKS = LINK_PATTERNS.join(',');
const FIRST_CELL = 'td, [role="cell"], [role="gridcell"]';
/** Elements that hold one member each; the control goes once per container. */
const CONTAINERS = 'tr, [role="row"], li, [data-qa-user-id]';

/** Attributes whose change can mean an element now names another member. */
export const WATCHED_ATTRIBUTES = [...ID_ATTRIBUTES, 'href'];

/** Member containers that carry the member's ID themselves (a `<tr data-member-id>`, say). */
const ID_ROWS = `:is(tr, [role="row"], li):is(${ID_CARRIERS}), [data-qa-user-id]`;

/**
 * ID-carrying elements, and profile links that are not inside a member container carrying
 * an ID. That row's own name link is found through the row, so the browser's selector engine
 * leaves it out instead of the script looking at it: half the candidates on a big member
 * table. Links under any other ID-carrying wrapper stay candidates of their own.
 */
export const BUILT_IN_SELECTOR = [
  ID_CARRIERS,
  ...LINK_PATTERNS.map((link) => `${link}:not(:is(${ID_ROWS}) *)`),
].join(',');

/**
 * The ID-carrying member container a changed part of the page sits in, if any: when Slack
 * re-renders a row's name link, that row is what needs looking at again.
 */
export function idCarrierAround(element: Element): Element | null {
  return element.parentElement?.closest(ID_ROWS) ?? null;
}

/** Combined selector, dropping any admin-supplied selector the browser rejects. */
export function memberSelector(extra: readonly string[]): string {
  const valid = extra.filter((selector) => {
    try {
      document.createDocumentFragment().querySelector(selector);
      return true;
    } catch {
      return false;
    }
  });
  return [BUILT_IN_SELECTOR, ...valid].join(',');
}

/** The member a page is about, from its URL (`…/people/W…`, `…/team/U…`, `?user_id=U…`). */
export function userIdFromPageUrl(url: string): UserId | undefined {
  const parsed = parseProfileLink(url);
  return parsed.ok ? parsed.value : undefined;
}

export function userIdOf(element: Element): UserId | undefined {
  for (const name of ID_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (!value) continue;
    // The common case in one regex test; anything odd goes through the full parser.
    if (isExactUserId(value)) return value;
    const parsed = parseUserId(value);
    if (parsed.ok) return parsed.value;
  }
  if (element.localName === 'a') return userIdFromHref(element.getAttribute('href'));
  // An element matched by an admin's own selector: an ID in a link inside, or in its text.
  const fromLink = userIdFromHref(
    element.querySelector(PROFILE_LINKS)?.getAttribute('href') ?? null,
  );
  if (fromLink) return fromLink;
  return firstUserIdInText(element.textContent ?? '');
}

export function containerOf(element: Element): Element {
  return element.closest(CONTAINERS) ?? element;
}

export type Anchor = { after: Element } | { inside: Element };

/**
 * Where the control goes inside a member's container: right after the member's name link
 * when there is one, else at the end of the first cell.
 */
export function anchorIn(container: Element, userId: UserId): Anchor {
  if (container.localName === 'a') return { after: container };
  // Usually the first profile link in the row is the member's name.
  const first = container.querySelector(PROFILE_LINKS);
  if (first && userIdFromHref(first.getAttribute('href')) === userId)
    return besideName(first, container);
  for (const link of container.querySelectorAll(PROFILE_LINKS)) {
    if (userIdFromHref(link.getAttribute('href')) === userId) return besideName(link, container);
  }
  return { inside: container.querySelector(FIRST_CELL) ?? container };
}

/**
 * anchorIn() without reading any link: after the container's first profile link, which is
 * usually the member's own name. For hidden hosts, checked by anchorIn() once they are built;
 * on a 5,000-row table this saves a third of the pass.
 */
export function likelyAnchorIn(container: Element): Anchor {
  if (container.localName === 'a') return { after: container };
  const first = container.querySelector(PROFILE_LINKS);
  if (first) return besideName(first, container);
  return { inside: container.querySelector(FIRST_CELL) ?? container };
}

const CELLS = 'td, th, [role="cell"], [role="gridcell"], [role="rowheader"]';

/**
 * On the name's own line: a name stacked over the handle (Slack's name column) gets the
 * control after the stack, so the row keeps its height; a lone name, right after it.
 */
function besideName(link: Element, container: Element): Anchor {
  const stack = link.parentElement;
  if (link.nextElementSibling && stack && stack !== container && !stack.matches(CELLS))
    return { after: stack };
  return { after: link };
}

/** The member page's heading, where its single control goes. */
export function detailHeading(): Element | null {
  return document.querySelector('main h1, [role="main"] h1, h1');
}
