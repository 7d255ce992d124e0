// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import type { UserId } from '../../../shared/ids';
import {
  createControl,
  put,
  rememberOutcome,
  retarget,
  setControlState,
  whenControlClicked,
} from './control';
import '../../../../test/support/no-intersection-observer';

/** An event as the browser delivers a person's: happy-dom marks none trusted, so these say so. */
function send(
  type: 'pointerdown' | 'click',
  target: Element,
  trusted = true,
  init: MouseEventInit = {},
): void {
  const event = new MouseEvent(type, { bubbles: true, composed: true, ...init });
  Object.defineProperty(event, 'isTrusted', { value: trusted });
  target.dispatchEvent(event);
}

let asked: string[];
let rowClicks: number;
/** The controls' closed shadow roots, seen as the browser sees them (page scripts cannot). */
let roots: Map<Element, ShadowRoot>;

/** A member row with a control still holding its place beside the name, as the placer leaves it. */
function rowWithWaitingControl(userId: string): HTMLElement {
  document.body.innerHTML = `<table><tr><td><a href="/team/${userId}">Wan</a></td><td class="other"></td></tr></table>`;
  document.querySelector('tr')!.addEventListener('click', () => rowClicks++);
  const host = createControl(userId as UserId, 'holding-space');
  put(host, { after: document.querySelector('a')! });
  return host;
}

beforeEach(() => {
  asked = [];
  rowClicks = 0;
  roots = new Map();
  whenControlClicked((userId) => asked.push(userId));
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (
    this: HTMLElement,
    init: ShadowRootInit,
  ) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  });
});

it('a person clicking a control still holding its place gets its button only; a script gets neither', () => {
  const host = rowWithWaitingControl('U0WAIT0001');
  expect(host.hasAttribute('data-ssa-pending')).toBe(true);

  send('click', host, false);
  expect(asked).toEqual([]);
  expect(host.hasAttribute('data-ssa-pending')).toBe(true);
  expect(rowClicks).toBe(1);

  send('click', host);
  // Built now, but a click on the bare box is not one on the button: no ask. Nor did the
  // row's own handler ("open the member") run.
  expect(host.hasAttribute('data-ssa-pending')).toBe(false);
  expect(roots.get(host)?.querySelector('button')?.textContent).toBe('Reset sessions');
  expect(asked).toEqual([]);
  expect(rowClicks).toBe(1);
});

it('a press on the bare control and a release on the button built meanwhile only build it', () => {
  const host = rowWithWaitingControl('U0WAIT0002');
  send('pointerdown', host);
  setControlState(host, 'idle');
  expect(host.hasAttribute('data-ssa-pending')).toBe(false);
  // The browser sends such a click to the host: the press and the release have only it in common.
  send('click', host);
  expect(asked).toEqual([]);
  expect(rowClicks).toBe(0);
  // A later click reaching the built host itself, not its button, is not the button's either.
  send('click', host);
  expect(asked).toEqual([]);
  expect(rowClicks).toBe(1);
});

it('a look-alike element the page made is not a control, however it is clicked', () => {
  rowWithWaitingControl('U0WAIT0003');
  const fake = document.createElement('ssa-reset-control');
  fake.setAttribute('data-ssa-user', 'U0VICTIM01');
  fake.setAttribute('data-ssa-pending', '');
  document.body.append(fake);
  send('pointerdown', fake);
  send('click', fake);
  setControlState(fake, 'done', 'Signed out');
  expect(asked).toEqual([]);
  expect(fake.hasAttribute('data-ssa-state')).toBe(false);
  expect(roots.has(fake)).toBe(false);
});

/*
 * happy-dom has no layout. What a browser would compute for the control on a plain page is
 * stood in for below: its box at (100, 40), 216 × 22.8 px (18em × 1.9em at 12px), visible,
 * topmost there; each case then changes what the page could change.
 */
interface Layout {
  box: { width: number; height: number };
  /** Computed style per element, over the plain page's. */
  styles: Map<
    Element,
    Partial<Record<'display' | 'visibility' | 'opacity' | 'filter' | 'fontSize', string>>
  >;
  /** What the document reports topmost at a point in the box (else nothing there). */
  topmost: () => Element | null;
  /** What the control's own root reports there. */
  topmostInside: () => Element | null;
}

const LEFT = 100;
const TOP = 40;

function layOut(host: HTMLElement): Layout {
  const root = roots.get(host)!;
  const layout: Layout = {
    box: { width: 216, height: 22.8 },
    styles: new Map(),
    topmost: () => host,
    topmostInside: () => root.querySelector('button'),
  };
  const inBox = (x: number, y: number) =>
    x >= LEFT && x <= LEFT + layout.box.width && y >= TOP && y <= TOP + layout.box.height;
  host.getBoundingClientRect = () => new DOMRect(LEFT, TOP, layout.box.width, layout.box.height);
  host.getClientRects = () =>
    [new DOMRect(LEFT, TOP, layout.box.width, layout.box.height)] as unknown as DOMRectList;
  vi.spyOn(globalThis, 'getComputedStyle').mockImplementation(
    (element: Element) =>
      ({
        display: element === host ? 'inline-block' : 'block',
        visibility: 'visible',
        contentVisibility: 'visible',
        opacity: '1',
        filter: 'none',
        fontSize: element === host ? '12px' : '15px',
        ...layout.styles.get(element),
      }) as CSSStyleDeclaration,
  );
  const elementFromPoint = vi.fn((x: number, y: number) => (inBox(x, y) ? layout.topmost() : null));
  vi.spyOn(document, 'elementFromPoint').mockImplementation(elementFromPoint);
  (root as { elementFromPoint: (x: number, y: number) => Element | null }).elementFromPoint = (
    x,
    y,
  ) => (inBox(x, y) ? layout.topmostInside() : null);
  return layout;
}

/** A built control beside a member's name, laid out as on a plain page. */
function builtControl(userId: string): { host: HTMLElement; layout: Layout } {
  const host = rowWithWaitingControl(userId);
  setControlState(host, 'idle');
  return { host, layout: layOut(host) };
}

function clickButton(
  host: HTMLElement,
  init: MouseEventInit = { clientX: 130, clientY: 50, detail: 1 },
) {
  send('click', roots.get(host)!.querySelector('button')!, true, init);
}

const statusOf = (host: HTMLElement) =>
  roots.get(host)!.querySelector('[role="status"]')!.textContent;

it('a click asks for the member the script placed the control for, whatever the page wrote on it', () => {
  const { host } = builtControl('U0PLACED01');
  host.setAttribute('data-ssa-user', 'U0VICTIM01');
  clickButton(host);
  expect(asked).toEqual(['U0PLACED01']);
  expect(rowClicks).toBe(0);

  // The row now shows someone else, as the placer saw it: the control follows the row.
  retarget(host, 'U0REUSED01' as UserId);
  expect(host.getAttribute('data-ssa-user')).toBe('U0REUSED01');
  host.setAttribute('data-ssa-user', 'U0VICTIM01');
  clickButton(host);
  expect(asked).toEqual(['U0PLACED01', 'U0REUSED01']);
});

const MOVED =
  'This page moved or covered the button, so it did nothing. Reload the page and try again.';
const RESIZED =
  "This page changed the button's size, so it did nothing. Reload the page and try again.";
const HIDDEN =
  'This page hid or faded the button, so it did nothing. Reload the page and try again.';

type Tamper = (host: HTMLElement, layout: Layout) => void;

const refused: [string, Tamper, string][] = [
  ['moved to another cell', (host) => document.querySelector('td.other')!.append(host), MOVED],
  ['moved to the end of the page', (host) => document.body.append(host), MOVED],
  [
    'something put between it and the name',
    (host) => host.before(document.createElement('b')),
    MOVED,
  ],
  [
    'made to cover the page',
    (_, layout) => {
      layout.box = { width: 1280, height: 800 };
    },
    RESIZED,
  ],
  [
    'shrunk',
    (_, layout) => {
      layout.box = { width: 120, height: 10 };
    },
    RESIZED,
  ],
  [
    'given a font size over 24px (its box grown to match)',
    (host, layout) => {
      layout.styles.set(host, { fontSize: '30px' });
      layout.box = { width: 300, height: 57 };
    },
    RESIZED,
  ],
  [
    'given a font size under 12px (its box shrunk to match)',
    (host, layout) => {
      layout.styles.set(host, { fontSize: '10px' });
      layout.box = { width: 100, height: 19 };
    },
    RESIZED,
  ],
  ['made transparent', (host, layout) => layout.styles.set(host, { opacity: '0' }), HIDDEN],
  [
    'faded through its row and itself (0.7 × 0.6)',
    (host, layout) => {
      layout.styles.set(host, { opacity: '0.6' });
      layout.styles.set(host.closest('tr')!, { opacity: '0.7' });
    },
    HIDDEN,
  ],
  [
    'filtered through its table',
    (host, layout) => layout.styles.set(host.closest('table')!, { filter: 'opacity(0)' }),
    HIDDEN,
  ],
  ['made invisible', (host, layout) => layout.styles.set(host, { visibility: 'hidden' }), HIDDEN],
  [
    'left without a box of its own',
    (host, layout) => layout.styles.set(host, { display: 'contents' }),
    HIDDEN,
  ],
  [
    'covered by another element',
    (_, layout) => {
      const cover = document.createElement('div');
      document.body.append(cover);
      layout.topmost = () => cover;
    },
    MOVED,
  ],
  [
    'with its button not what is under the point',
    (host, layout) => {
      layout.topmostInside = () => roots.get(host)!.querySelector('[role="status"]');
    },
    MOVED,
  ],
];

it.each(refused)('a click on a control %s does nothing and says why', (_, tamper, why) => {
  const { host, layout } = builtControl('U0PLACED02');
  tamper(host, layout);
  clickButton(host);
  expect(asked).toEqual([]);
  expect(host.getAttribute('data-ssa-state')).toBe('failed');
  expect(statusOf(host)).toBe(why);
  expect(rowClicks).toBe(0);
});

const accepted: [string, Tamper][] = [
  [
    'at a browser minimum font size of 16px',
    (host, layout) => {
      layout.styles.set(host, { fontSize: '16px' });
      layout.box = { width: 288, height: 30.4 };
    },
  ],
  [
    'a sub-pixel off its size',
    (_, layout) => {
      layout.box = { width: 216.6, height: 22.2 };
    },
  ],
  [
    'in a lightly faded row (0.9 × 0.8)',
    (host, layout) => {
      layout.styles.set(host, { opacity: '0.9' });
      layout.styles.set(host.closest('tr')!, { opacity: '0.8' });
    },
  ],
];

it.each(accepted)('a click on a control %s counts', (_, tamper) => {
  const { host, layout } = builtControl('U0PLACED03');
  tamper(host, layout);
  clickButton(host);
  expect(asked).toEqual(['U0PLACED03']);
});

it('a key press on the button is checked at the centre of its box', () => {
  const { host, layout } = builtControl('U0PLACED04');
  const keyboard = { clientX: 0, clientY: 0, detail: 0 };
  clickButton(host, keyboard);
  expect(asked).toEqual(['U0PLACED04']);
  expect(document.elementFromPoint).toHaveBeenLastCalledWith(208, 51.4);

  layout.topmost = () => document.body;
  clickButton(host, keyboard);
  expect(asked).toEqual(['U0PLACED04']);
  expect(statusOf(host)).toBe(MOVED);
});

it('a member’s last outcome shows in their box, with the sentence as tooltip and description, on controls drawn later too', () => {
  const first = rowWithWaitingControl('U0KEPT0001');
  const sentence = 'Signed Kim (U0KEPT0001) out (all devices). Kim is signed out.';
  rememberOutcome('U0KEPT0001' as UserId, 'done', sentence);
  const root = roots.get(first)!;
  expect(root.querySelector('.word')?.textContent).toBe('✓ Signed out');
  expect(root.querySelector('.word')?.getAttribute('aria-hidden')).toBe('true');
  expect(first.title).toBe(sentence);
  const button = root.querySelector('button')!;
  expect(button.textContent).toBe('Reset sessions');
  expect(root.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toBe(sentence);

  // The list is drawn again: a new row, a new control, the same outcome.
  const redrawn = createControl('U0KEPT0001' as UserId, 'now');
  expect(redrawn).not.toBe(first);
  expect(roots.get(redrawn)!.querySelector('.word')?.textContent).toBe('✓ Signed out');
  // A row re-used for another member shows theirs (none), and back again Kim's.
  retarget(redrawn, 'U0OTHER001' as UserId);
  expect(roots.get(redrawn)!.querySelector('.word')?.textContent).toBe('');
  retarget(redrawn, 'U0KEPT0001' as UserId);
  expect(redrawn.title).toBe(sentence);
});

it('a control built after its member’s outcome came shows it at once', () => {
  rememberOutcome(
    'U0LATER001' as UserId,
    'failed',
    "The primary owner's sessions can only be reset by the primary owner.",
    { why: 'not-allowed' },
  );
  const host = createControl('U0LATER001' as UserId, 'now');
  expect(roots.get(host)!.querySelector('.word')?.textContent).toBe('✕ Not allowed');
  expect(host.getAttribute('data-ssa-state')).toBe('failed');
  rememberOutcome('U0LATER001' as UserId, 'idle', '');
  expect(createControl('U0LATER001' as UserId, 'now').getAttribute('data-ssa-state')).toBeNull();
});
