/**
 * The "Reset sessions" control placed beside a member. It lives in a closed shadow root, so
 * the page can neither restyle nor reach into it, and it ignores clicks the page synthesises.
 *
 * Building a shadow root from a content script's world is the expensive part (tens of µs
 * each), so on a page of thousands of members each control is placed at once as its host
 * element, sized like the button, and gets its shadow root when it comes near the viewport.
 */
import type { UserId } from '../shared/ids';

export const HOST_TAG = 'ssa-reset-control';
export const HOST_ATTRIBUTE = 'data-ssa-user';

export type ControlState = 'idle' | 'asking' | 'working' | 'done' | 'failed';

interface Parts {
  button: HTMLButtonElement;
  status: HTMLElement;
}

const parts = new WeakMap<Element, Parts>();
let sheet: CSSStyleSheet | undefined;

// Slack's small secondary button: white, grey border, bold 12px.
const CSS = `
:host { display: inline-block; position: relative; margin-left: 8px; vertical-align: middle; font: 700 12px/1.2 Lato, system-ui, sans-serif; }
button { font: inherit; color: #1d1c1d; background: #fff; border: 1px solid rgba(29,28,29,.3); border-radius: 4px; padding: 3px 8px; cursor: pointer; white-space: nowrap; }
button:hover { background: #f8f8f8; }
button:focus-visible { outline: 2px solid #1d9bd1; outline-offset: 1px; }
button:disabled { opacity: .6; cursor: default; }
/* Out of flow, so the control's box stays the button's box whatever the outcome says. */
.status { position: absolute; left: calc(100% + 6px); top: 50%; transform: translateY(-50%); width: max-content; max-width: 32em; font-weight: 400; color: #616061; background: #fff; }
.status:empty { padding: 0; }
.status[data-state="done"] { color: #007a5a; }
.status[data-state="failed"] { color: #c01343; }
`;

let partsTemplate: HTMLTemplateElement | undefined;

function template(): HTMLTemplateElement {
  if (!partsTemplate) {
    partsTemplate = document.createElement('template');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Reset sessions';
    const status = document.createElement('span');
    status.className = 'status';
    status.setAttribute('role', 'status');
    partsTemplate.content.append(button, status);
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

/** One listener function for every control's shadow root, instead of a closure per control. */
function handleClick(event: Event): void {
  // Keep the row's own click handler (often "open the member") from firing too.
  event.stopPropagation();
  // Page scripts can call click() or dispatch events; only a person's click counts.
  if (!event.isTrusted || !(event.target instanceof HTMLButtonElement)) return;
  const host = (event.currentTarget as ShadowRoot).host as HTMLElement;
  onTrustedClick?.(host.getAttribute(HOST_ATTRIBUTE) as UserId, host);
}

/** Rendered before it is on screen, so it is ready when scrolled or tabbed to. */
const RENDER_AHEAD = '800px 0px';
let nearViewport: IntersectionObserver | undefined;

function renderWhenNear(host: HTMLElement): void {
  nearViewport ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        nearViewport?.unobserve(entry.target);
        render(entry.target as HTMLElement);
      }
    },
    { rootMargin: RENDER_AHEAD },
  );
  nearViewport.observe(host);
}

/** The host alone: cheap, so every member has one at once. Its button comes with render(). */
export function createControl(userId: UserId, options: { renderNow?: boolean } = {}): HTMLElement {
  const host = document.createElement(HOST_TAG);
  host.setAttribute(HOST_ATTRIBUTE, userId);
  if (options.renderNow) {
    render(host);
  } else {
    // Holds the button's place, so nothing moves when it arrives.
    holdPlaces();
    host.setAttribute(PENDING_ATTRIBUTE, '');
    renderWhenNear(host);
  }
  return host;
}

const PENDING_ATTRIBUTE = 'data-ssa-pending';
let placesHeld = false;

/** One page-level rule sizes every control still waiting for its shadow root. */
function holdPlaces(): void {
  if (placesHeld) return;
  placesHeld = true;
  const placeholder = new CSSStyleSheet();
  placeholder.replaceSync(
    `${HOST_TAG}[${PENDING_ATTRIBUTE}] { display: inline-block; margin-left: 8px; vertical-align: middle; width: 7.8em; height: 1.9em; font: 700 12px/1.2 Lato, system-ui, sans-serif; }`,
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, placeholder];
}

function render(host: HTMLElement): Parts {
  const existing = parts.get(host);
  if (existing) return existing;
  const root = host.attachShadow({ mode: 'closed' });
  root.adoptedStyleSheets = [styles()];
  // Cloning one prepared template is cheaper than building each node.
  root.append(template().content.cloneNode(true));
  root.addEventListener('click', handleClick);
  host.removeAttribute(PENDING_ATTRIBUTE);
  const built = {
    button: root.firstElementChild as HTMLButtonElement,
    status: root.lastElementChild as HTMLElement,
  };
  parts.set(host, built);
  return built;
}

export function setControlState(host: Element, state: ControlState, message = ''): void {
  if (!(host instanceof HTMLElement)) return;
  const found = render(host);
  // The state (never the text) is mirrored on the host: visible without opening the closed root.
  host.setAttribute('data-ssa-state', state);
  found.button.disabled = state === 'asking' || state === 'working';
  found.status.dataset.state = state;
  found.status.textContent = message;
}

/** A re-rendered row may now show another member: the control follows it. */
export function retarget(host: Element, userId: UserId): void {
  if (host.getAttribute(HOST_ATTRIBUTE) === userId) return;
  host.setAttribute(HOST_ATTRIBUTE, userId);
  setControlState(host, 'idle');
}
