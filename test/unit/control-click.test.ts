// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import {
  createControl,
  retarget,
  setControlState,
  whenControlClicked,
} from '../../src/content/control';
import type { UserId } from '../../src/shared/ids';
import '../support/no-intersection-observer';

/** An event as the browser delivers a person's: happy-dom marks none trusted, so these say so. */
function send(type: 'pointerdown' | 'click', target: Element, trusted = true): void {
  const event = new MouseEvent(type, { bubbles: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: trusted });
  target.dispatchEvent(event);
}

let asked: string[];
let rowClicks: number;
/** The controls' closed shadow roots, seen as the browser sees them (page scripts cannot). */
let roots: Map<Element, ShadowRoot>;

/** A member row with a control still holding its place beside the name, as the placer leaves it. */
function rowWithWaitingControl(userId: string): HTMLElement {
  document.body.innerHTML = `<table><tr><td><a href="/team/${userId}">Wan</a></td></tr></table>`;
  document.querySelector('tr')!.addEventListener('click', () => rowClicks++);
  const host = createControl(userId as UserId, 'holding-space');
  document.querySelector('a')!.after(host);
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

function clickButton(host: HTMLElement): void {
  send('click', roots.get(host)!.querySelector('button')!);
}

it('a click asks for the member the script placed the control for, whatever the page wrote on it', () => {
  const host = rowWithWaitingControl('U0PLACED01');
  setControlState(host, 'idle');
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
