// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { isInPlace } from './control';
import { Placer } from './placer';
import '../../../../test/support/no-intersection-observer';

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 20));
};
const controlsIn = (selector: string) =>
  [...document.querySelectorAll(`${selector} [data-ssa-user]`)].map((c) =>
    c.getAttribute('data-ssa-user'),
  );

// One placer for the whole page, as in the product: its observer lives as long as the page.
it('follows re-rendered rows, keeps one control per lone link, and ignores words', async () => {
  document.body.innerHTML = `
    <table><tbody><tr><td class="name"><a href="/team/U0123ABCD">Ada</a></td></tr></tbody></table>
    <ul><li data-member-id="U0ROW00001"><a href="/team/U0ROW00001">Row</a></li></ul>
    <p>Reported by <a href="/team/U0123ABCE">Bea</a></p>
    <div class="card">WORKSPACE OWNER</div>
    <div class="card">Sam U0SOMEONE1</div>`;
  const placer = new Placer();
  await placer.start();
  expect(controlsIn('table')).toEqual(['U0123ABCD']);
  expect(controlsIn('p')).toEqual(['U0123ABCE']);

  // The row's name link is replaced by another member's: the control follows it.
  const cell = document.querySelector('td.name')!;
  cell.querySelector('a')!.remove();
  const bob = document.createElement('a');
  bob.href = '/team/U0BOB00001';
  bob.textContent = 'Bob';
  cell.prepend(bob);
  await settle();
  expect(controlsIn('table')).toEqual(['U0BOB00001']);
  expect(bob.nextElementSibling?.getAttribute('data-ssa-user')).toBe('U0BOB00001');

  // A rescan (admin-added selectors) and a re-inserted ancestor leave one control per link.
  placer.setExtraSelectors(['.card']);
  await settle();
  const paragraph = document.querySelector('p')!;
  paragraph.remove();
  document.body.append(paragraph);
  await settle();
  expect(controlsIn('p')).toEqual(['U0123ABCE']);

  // In an admin-selected element, a capitalised word is not a member; an ID with digits is.
  expect(controlsIn('.card')).toEqual(['U0SOMEONE1']);

  // An ID-carrying row's name link is redrawn: its control is where a click counts again.
  const rowLink = document.querySelector('li a')!;
  rowLink.replaceWith(rowLink.cloneNode(true));
  await settle();
  const rowControl = document.querySelector<HTMLElement>('li [data-ssa-user]')!;
  expect(controlsIn('li')).toEqual(['U0ROW00001']);
  expect(rowControl.previousElementSibling).toBe(document.querySelector('li a'));
  expect(isInPlace(rowControl)).toBe(true);
});
