// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { HOLD_SPACE_UP_TO, Placer } from '../../src/content/placer';
import '../support/no-intersection-observer';

const idOf = (n: number) => `W0LONG${String(n).padStart(5, '0')}`;

// One placer for the whole page, as in the product: its observer lives as long as the page.
it('a long list gets one hidden control per row, already beside the name', async () => {
  const rows = Array.from(
    { length: HOLD_SPACE_UP_TO + 100 },
    (_, n) =>
      `<tr data-member-id="${idOf(n)}"><td><a href="/team/${idOf(n)}">Member ${n}</a><span class="handle">m${n}</span></td><td>Member</td></tr>`,
  ).join('');
  document.body.innerHTML = `
    <table><tbody>${rows}</tbody></table>`;
  const placer = new Placer();
  await placer.start();

  const rowEls = [...document.querySelectorAll('tr')];
  for (const [n, row] of rowEls.entries()) {
    const controls = row.querySelectorAll('[data-ssa-user]');
    expect(controls).toHaveLength(1);
    const control = controls[0] as HTMLElement;
    expect(control.getAttribute('data-ssa-user')).toBe(idOf(n));
    // Out of the page's layout until it comes near the viewport, already beside the name.
    expect(control.hidden).toBe(true);
    expect(control.previousElementSibling?.getAttribute('href')).toBe(`/team/${idOf(n)}`);
  }
});
