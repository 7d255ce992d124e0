// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { createControl, whenControlClicked } from '../../src/content/control';
import type { UserId } from '../../src/shared/ids';
import '../support/no-intersection-observer';

/** A click as the browser delivers a person's: happy-dom marks none trusted, so this one says so. */
function click(target: Element, trusted: boolean): void {
  const event = new MouseEvent('click', { bubbles: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: trusted });
  target.dispatchEvent(event);
}

it('a person clicking a control still holding its place gets its button and its action; a script gets neither', () => {
  const clicked: string[] = [];
  whenControlClicked((userId) => clicked.push(userId));
  let rowClicks = 0;
  document.body.innerHTML = '<table><tr><td><a href="/team/U0WAIT0001">Wan</a></td></tr></table>';
  document.querySelector('tr')!.addEventListener('click', () => rowClicks++);
  const host = createControl('U0WAIT0001' as UserId, 'holding-space');
  document.querySelector('a')!.after(host);
  expect(host.hasAttribute('data-ssa-pending')).toBe(true);

  click(host, false);
  expect(clicked).toEqual([]);
  expect(host.hasAttribute('data-ssa-pending')).toBe(true);
  expect(rowClicks).toBe(1);

  click(host, true);
  expect(clicked).toEqual(['U0WAIT0001']);
  // Built now, and the row's own handler ("open the member") did not also run.
  expect(host.hasAttribute('data-ssa-pending')).toBe(false);
  expect(rowClicks).toBe(1);
});
