// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { HOLD_SPACE_UP_TO, Placer } from './placer';
import '../../../../test/support/no-intersection-observer';

const idOf = (n: number) => `W0LONG${String(n).padStart(5, '0')}`;

/**
 * A member table, numbered from `from`, whose rows name members by profile link alone: one
 * candidate a row wherever selectors run (happy-dom's engine does not leave out the links of
 * ID-carrying rows, as browsers do, so such rows would count twice here).
 */
function table(from: number, count: number): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const id = idOf(from + i);
    return `<tr><td><a href="/team/${id}">Member ${from + i}</a><span class="handle">m${from + i}</span></td><td>Member</td></tr>`;
  });
  return `<table><tbody>${rows.join('')}</tbody></table>`;
}

function controlsByRow(): HTMLElement[] {
  return [...document.querySelectorAll('tr')].map((row) => {
    const controls = row.querySelectorAll<HTMLElement>('[data-ssa-user]');
    expect(controls).toHaveLength(1);
    const control = controls[0]!;
    const link = row.querySelector('a')!;
    expect(`/team/${control.getAttribute('data-ssa-user')}`).toBe(link.getAttribute('href'));
    // Beside the name from the start.
    expect(control.previousElementSibling).toBe(link);
    return control;
  });
}

// One placer for the whole page, as in the product: its observer lives as long as the page.
it('a list longer than the limit gets hidden controls; one at the limit holds their places', async () => {
  document.body.innerHTML = table(0, HOLD_SPACE_UP_TO + 1);
  const placer = new Placer();
  await placer.start();
  // Out of the page's layout until they come near the viewport.
  expect(controlsByRow().every((control) => control.hidden)).toBe(true);

  // The page shows another list, exactly as long as the limit: one pass, holding places.
  document.body.innerHTML = table(10_000, HOLD_SPACE_UP_TO);
  for (let i = 0; i < 10 && document.querySelectorAll('[data-ssa-user]').length === 0; i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const held = controlsByRow();
  expect(held).toHaveLength(HOLD_SPACE_UP_TO);
  expect(held.every((control) => !control.hidden && control.hasAttribute('data-ssa-pending'))).toBe(
    true,
  );
});
