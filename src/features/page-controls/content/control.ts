/**
 * The "Reset sessions" control placed beside a member. Its button lives in a closed shadow
 * root, so the page can neither restyle nor reach into it, and it ignores clicks the page
 * synthesises. The host element itself is the page's to style and move: a click is checked
 * against what this script made of it (see refusal()).
 *
 * Every member's control is placed at once as its bare host element, and gets its shadow root
 * and button when it comes near the viewport. On a short list the host holds the button's
 * space meanwhile; on a long one it is hidden (no box at all). Two measured reasons: building
 * a closed shadow root from a content script's world costs tens of µs each, and a visible box
 * added to every row of a 5,000-row table makes the browser lay the whole table out again
 * (about 700 ms on a 2-core machine), while hidden hosts cost it only a style pass.
 */

import { t } from '../../../shared/i18n';
import type { UserId } from '../../../shared/ids';
import type { Anchor } from './find-members';
import {
  type ControlState,
  type OutcomeDetail,
  outcomeWord,
  unresettableAccount,
} from './outcome-word';

export const HOST_TAG = 'ssa-reset-control';
export const HOST_ATTRIBUTE = 'data-ssa-user';

export type { ControlState } from './outcome-word';

interface Parts {
  root: ShadowRoot;
  button: HTMLButtonElement;
  /** The short word shown in the box (hidden from assistive technology: `status` says it all). */
  word: HTMLElement;
  status: HTMLElement;
}

/**
 * Each member's last outcome, for the life of the page: a row drawn again (a re-render, paging,
 * in-app navigation) gets a new control, which shows it again.
 */
const lastOutcome = new Map<
  UserId,
  { state: ControlState; message: string; detail: OutcomeDetail }
>();

const parts = new WeakMap<Element, Parts>();

/**
 * The member each host this script made stands for, and where the script put it. Kept here,
 * out of the page's reach: the page can rewrite the host's `data-ssa-user` (a marker only)
 * and move the host, but not this.
 */
interface Binding {
  userId: UserId;
  anchor: Anchor | undefined;
}

const bindings = new WeakMap<Element, Binding>();
let sheet: CSSStyleSheet | undefined;

/**
 * The box's size in em, at 12px: a browser's minimum font size may raise that, up to 24px.
 * The button takes the first 10em; the outcome's short word the rest, inside the same box.
 */
const WIDTH_EM = 18;
const BUTTON_EM = 10;
const HEIGHT_EM = 1.9;
const FONT_PX = 12;
const MAX_FONT_PX = 24;

/**
 * The control's box, the same before and after its button is built: a fixed size with size
 * containment, so building the button inside changes nothing around it and the page's table
 * keeps its column widths, and the outcome, drawn inside it, never lies over the next cell.
 * 10em fits "Reset sessions" in Slack's Lato and in wider fallback fonts; 8em "✕ Not allowed".
 */
const BOX = `display: inline-block; position: relative; margin-inline-start: 8px; vertical-align: middle; width: ${WIDTH_EM}em; height: ${HEIGHT_EM}em; contain: size style; font: 700 ${FONT_PX}px/1.2 Lato, system-ui, sans-serif;`;

// Slack's small secondary button: white, grey border, bold 12px.
const CSS = `
:host { ${BOX} }
button { box-sizing: border-box; width: 100%; height: 100%; font: inherit; text-align: start; color: #1d1c1d; background: #fff; border: 1px solid rgba(29,28,29,.3); border-radius: 4px; padding: 0 ${WIDTH_EM - BUTTON_EM}em 0 8px; cursor: pointer; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
button:hover { background: #f8f8f8; }
button:focus-visible { outline: 2px solid #1d9bd1; outline-offset: 1px; }
button:disabled { opacity: .6; cursor: default; }
/* Drawn on the button's far end, inside the box: the box is the same size whatever the outcome
   says. Clicks pass through it to the button, which covers the whole box. */
.word { pointer-events: none; position: absolute; inset-inline-start: ${BUTTON_EM}em; inset-inline-end: 6px; top: 0; bottom: 0; display: flex; align-items: center; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; color: #616061; }
.word[data-state="done"] { color: #007a5a; }
.word[data-state="failed"] { color: #c01343; }
.word[data-state="unavailable"] { color: #616061; }
/* The whole sentence, for assistive technology (the tooltip shows it to everyone else). */
.status { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

let partsTemplate: HTMLTemplateElement | undefined;

function template(): HTMLTemplateElement {
  if (!partsTemplate) {
    partsTemplate = document.createElement('template');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = t('page_resetSessions');
    button.setAttribute('aria-describedby', 'outcome');
    const word = document.createElement('span');
    word.className = 'word';
    word.setAttribute('aria-hidden', 'true');
    const status = document.createElement('span');
    status.className = 'status';
    status.id = 'outcome';
    status.setAttribute('role', 'status');
    partsTemplate.content.append(button, word, status);
  }
  return partsTemplate;
}

function styles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

let onTrustedClick: ((userId: UserId, host: HTMLElement) => void) | undefined;

/** What a person's click on any control does. */
export function whenControlClicked(handler: (userId: UserId, host: HTMLElement) => void): void {
  onTrustedClick = handler;
}

const MOVED = t('page_moved');
const RESIZED = t('page_resized');
const HIDDEN = t('page_hidden');

/** The host is still right beside what this script put it after, or inside what it went into. */
function inPlace(host: Element, anchor: Anchor | undefined): boolean {
  if (!anchor || !host.isConnected) return false;
  return 'after' in anchor
    ? host.previousElementSibling === anchor.after
    : host.parentElement === anchor.inside;
}

/** Whether `host` sits where this script put it (the placer puts back any that does not). */
export function isInPlace(host: Element): boolean {
  return inPlace(host, bindings.get(host)?.anchor);
}

function parentOf(element: Element): Element | null {
  return element.parentElement ?? (element.parentNode as Partial<ShadowRoot> | null)?.host ?? null;
}

/**
 * Why a person's click on this control must do nothing, if it must. The page can style and
 * move the host (never what is inside it): made full-page and see-through, or laid under
 * something else, it would take clicks meant for the page. So the click counts only on a host
 * that is where this script put it, at the size it gave it, visible, and topmost where clicked.
 * All of it read here, at click time, never while placing.
 */
function refusal(
  host: HTMLElement,
  binding: Binding,
  built: Parts,
  event: MouseEvent,
): string | undefined {
  if (!inPlace(host, binding.anchor)) return MOVED;
  const style = getComputedStyle(host);
  if (
    style.display === 'contents' ||
    style.visibility !== 'visible' ||
    style.contentVisibility === 'hidden' ||
    host.getClientRects().length === 0
  )
    return HIDDEN;
  let opacity = 1;
  for (let element: Element | null = host; element; element = parentOf(element)) {
    const computed = element === host ? style : getComputedStyle(element);
    opacity *= Number.parseFloat(computed.opacity);
    if (computed.filter !== 'none' || !(opacity >= 0.5)) return HIDDEN;
  }
  // Derived from the font size, so a browser's minimum font size setting is no refusal.
  const fontSize = Number.parseFloat(style.fontSize);
  const box = host.getBoundingClientRect();
  if (
    !(fontSize >= FONT_PX && fontSize <= MAX_FONT_PX) ||
    Math.abs(box.width - WIDTH_EM * fontSize) > 1 ||
    Math.abs(box.height - HEIGHT_EM * fontSize) > 1
  )
    return RESIZED;
  // A key press on the button clicks it with no point: its box's centre stands in.
  const keyboard = event.detail === 0 && event.clientX === 0 && event.clientY === 0;
  const x = keyboard ? box.left + box.width / 2 : event.clientX;
  const y = keyboard ? box.top + box.height / 2 : event.clientY;
  // The document sees a closed shadow root's host; the root itself sees the button.
  if (
    document.elementFromPoint(x, y) !== host ||
    built.root.elementFromPoint(x, y) !== built.button
  )
    return MOVED;
  return undefined;
}

function clicked(host: HTMLElement, event: MouseEvent): void {
  const binding = bindings.get(host);
  const built = parts.get(host);
  if (!binding || !built) return;
  const refused = refusal(host, binding, built, event);
  if (refused) setControlState(host, 'failed', refused, { why: 'not-pressed' });
  else onTrustedClick?.(binding.userId, host);
}

/** One listener function for every control's shadow root, instead of a closure per control. */
function handleClick(event: Event): void {
  // Keep the row's own click handler (often "open the member") from firing too.
  event.stopPropagation();
  // Page scripts can call click() or dispatch events; only a person's click counts.
  if (!event.isTrusted || !(event.target instanceof HTMLButtonElement)) return;
  clicked((event.currentTarget as ShadowRoot).host as HTMLElement, event as MouseEvent);
}

/** Hosts this script made to hold a button's place: a page can make look-alikes, not these. */
const placeHolders = new WeakSet<Element>();
/** The host a person last pressed on before its button was built. */
let pressedWhileWaiting: Element | undefined;

function handleWaitingPress(event: Event): void {
  const host = event.target;
  pressedWhileWaiting =
    event.isTrusted && host instanceof Element && placeHolders.has(host) && !parts.has(host)
      ? host
      : undefined;
}

/**
 * A control holding its place can be clicked before its button is built: a scroll and a click
 * sent together (by a script driving the browser, or on a page busy enough to delay the frame
 * that builds the button) reach the bare host. Such a click builds the button and does no
 * more: the bare host is the page's to style, so its click cannot show that a person saw the
 * button. The same for one pressed on the bare host and released on the button built
 * meanwhile (the browser sends that click to the host, where the button's listener never sees
 * it). Either way the row's own click handler does not run for it.
 */
function handleWaitingClick(event: Event): void {
  const host = event.target;
  if (!event.isTrusted || !(host instanceof HTMLElement) || !placeHolders.has(host)) return;
  if (parts.has(host) && host !== pressedWhileWaiting) return;
  pressedWhileWaiting = undefined;
  event.stopPropagation();
  render(host);
}

/** Rendered before it is on screen, so it is ready when scrolled or tabbed to. */
const RENDER_AHEAD = '800px 0px';
const PENDING_ATTRIBUTE = 'data-ssa-pending';

let nearViewport: IntersectionObserver | undefined;
/** The hosts still without their button that each watched element stands for. */
const watchedFor = new WeakMap<Element, HTMLElement[]>();

/** How a placed host waits for its button: holding the button's space, or out of layout. */
export type Waiting = 'holding-space' | 'hidden';

function isWaiting(host: HTMLElement): boolean {
  return host.hidden === true || host.hasAttribute(PENDING_ATTRIBUTE);
}

/**
 * A hidden host has no box to watch. The name link it follows, else the cell it is in, has one
 * whenever the member's row is shown, wherever the page moves, filters or hides rows.
 */
function watchable(host: HTMLElement): Element | null {
  if (host.hidden !== true) return host;
  const before = host.previousElementSibling;
  return before?.localName === 'a' ? before : host.parentElement;
}

function observer(): IntersectionObserver {
  nearViewport ??= new IntersectionObserver(
    (entries) => {
      const start = performance.now();
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const hosts = watchedFor.get(entry.target);
        nearViewport?.unobserve(entry.target);
        watchedFor.delete(entry.target);
        for (const host of hosts ?? []) if (isWaiting(host)) render(host);
      }
      performance.measure('session-admin:render', { start });
    },
    { rootMargin: RENDER_AHEAD },
  );
  return nearViewport;
}

function watch(host: HTMLElement): void {
  const target = watchable(host);
  if (!target) return;
  const already = watchedFor.get(target);
  if (already) already.push(host);
  else watchedFor.set(target, [host]);
  observer().observe(target);
}

/**
 * Hosts just put into the page get their buttons when they come near the viewport. Watches
 * `hosts` from `from` on until `deadline` (a performance.now() time) and returns where it
 * stopped, so thousands can be watched a slice at a time.
 */
export function renderWhenNear(
  hosts: readonly HTMLElement[],
  from = 0,
  deadline = Infinity,
): number {
  let next = from;
  while (next < hosts.length) {
    watch(hosts[next++]!);
    if ((next & 63) === 0 && performance.now() >= deadline) break;
  }
  return next;
}

/** A waiting host the page moved (its row re-rendered) is watched where it is now. */
export function watchAgain(host: HTMLElement): void {
  if (isWaiting(host)) watch(host);
}

const prototypes = new Map<Waiting, HTMLElement>();

/** A bare host, already marked for how it waits; copies of one are cheaper than new ones. */
function prototypeHost(waiting: Waiting): HTMLElement {
  let host = prototypes.get(waiting);
  if (!host) {
    host = document.createElement(HOST_TAG);
    if (waiting === 'hidden') host.hidden = true;
    else {
      holdPlaces();
      host.setAttribute(PENDING_ATTRIBUTE, '');
    }
    prototypes.set(waiting, host);
  }
  return host;
}

/**
 * The host alone: cheap, so every member has one at once. Its button comes with render(), at
 * once when `waiting` is 'now', else when renderWhenNear() sees it near the viewport.
 */
export function createControl(userId: UserId, waiting: Waiting | 'now'): HTMLElement {
  if (waiting === 'now') {
    const host = document.createElement(HOST_TAG);
    host.setAttribute(HOST_ATTRIBUTE, userId);
    bindings.set(host, { userId, anchor: undefined });
    render(host);
    return host;
  }
  const host = prototypeHost(waiting).cloneNode() as HTMLElement;
  host.setAttribute(HOST_ATTRIBUTE, userId);
  bindings.set(host, { userId, anchor: undefined });
  if (waiting === 'holding-space') placeHolders.add(host);
  return host;
}

/** Puts a host into the page and remembers where: a click counts only while it is still there. */
export function put(host: HTMLElement, anchor: Anchor): void {
  if ('after' in anchor) anchor.after.after(host);
  else anchor.inside.append(host);
  const binding = bindings.get(host);
  if (binding) binding.anchor = anchor;
}

/** The member a host this script made stands for; never read from the page. */
export function memberOf(host: Element): UserId | undefined {
  return bindings.get(host)?.userId;
}

/** This script's controls in the page for `userId`; look-alikes the page made are not among them. */
export function controlsFor(userId: UserId): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const host of document.getElementsByTagName(HOST_TAG))
    if (bindings.get(host)?.userId === userId) found.push(host as HTMLElement);
  return found;
}

let placesHeld = false;

/** One page-level rule sizes every control still waiting for its shadow root. */
function holdPlaces(): void {
  if (placesHeld) return;
  placesHeld = true;
  const placeholder = new CSSStyleSheet();
  placeholder.replaceSync(`${HOST_TAG}[${PENDING_ATTRIBUTE}] { ${BOX} }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, placeholder];
  // Capturing, so the row's own click handler does not run first.
  document.addEventListener('pointerdown', handleWaitingPress, true);
  document.addEventListener('click', handleWaitingClick, true);
}

let beforeRender: ((host: HTMLElement) => void) | undefined;

/** What happens to a host right before its button is built (the placer checks its place). */
export function whenRendering(hook: (host: HTMLElement) => void): void {
  beforeRender = hook;
}

function render(host: HTMLElement): Parts {
  const existing = parts.get(host);
  if (existing) return existing;
  beforeRender?.(host);
  const root = host.attachShadow({ mode: 'closed' });
  root.adoptedStyleSheets = [styles()];
  // Cloning one prepared template is cheaper than building each node.
  root.append(template().content.cloneNode(true));
  root.addEventListener('click', handleClick);
  host.removeAttribute(PENDING_ATTRIBUTE);
  host.hidden = false;
  const [button, word, status] = [...root.children] as [
    HTMLButtonElement,
    HTMLElement,
    HTMLElement,
  ];
  const built = { root, button, word, status };
  parts.set(host, built);
  const userId = bindings.get(host)?.userId;
  const last = userId && lastOutcome.get(userId);
  const unavailable = markedUnresettable(host);
  if (unavailable)
    show(host, built, 'unavailable', unavailable.reason, { account: unavailable.account });
  else if (last) show(host, built, last.state, last.message, last.detail);
  return built;
}

/** Read once, as the button is built near the viewport: a few cells of one row. */
function markedUnresettable(host: HTMLElement): ReturnType<typeof unresettableAccount> {
  const row = host.closest('tr, [role="row"]');
  if (!row) return undefined;
  return unresettableAccount([...row.children].map((cell) => cell.textContent ?? ''));
}

function show(
  host: HTMLElement,
  found: Parts,
  state: ControlState,
  message: string,
  detail: OutcomeDetail = {},
): void {
  // The state (never the text) is mirrored on the host: visible without opening the closed root.
  host.setAttribute('data-ssa-state', state);
  found.button.disabled =
    state === 'asking' || state === 'working' || state === 'waiting' || state === 'unavailable';
  found.word.dataset.state = state;
  found.word.textContent = outcomeWord(state, detail);
  found.status.textContent = message;
  if (message) host.title = message;
  else host.removeAttribute('title');
}

export function setControlState(
  host: Element,
  state: ControlState,
  message = '',
  detail: OutcomeDetail = {},
): void {
  const binding = host instanceof HTMLElement ? bindings.get(host) : undefined;
  if (!binding) return;
  show(host as HTMLElement, render(host as HTMLElement), state, message, detail);
}

/** What the background said of a member: every control of theirs, now and drawn later, shows it. */
export function rememberOutcome(
  userId: UserId,
  state: ControlState,
  message: string,
  detail: OutcomeDetail = {},
): void {
  if (state === 'idle') lastOutcome.delete(userId);
  else lastOutcome.set(userId, { state, message, detail });
  for (const host of controlsFor(userId)) setControlState(host, state, message, detail);
}

/** A re-rendered row may now show another member: the control follows it. */
export function retarget(host: Element, userId: UserId): void {
  const binding = bindings.get(host);
  if (!binding || binding.userId === userId) return;
  binding.userId = userId;
  host.setAttribute(HOST_ATTRIBUTE, userId);
  // One still waiting for its button has no state to clear, and is not built just for this.
  const last = lastOutcome.get(userId);
  if (parts.has(host)) setControlState(host, last?.state ?? 'idle', last?.message, last?.detail);
}
