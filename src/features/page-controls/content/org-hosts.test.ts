// @vitest-environment happy-dom
import { expect, it, vi } from 'vitest';
import '../../../../test/support/no-intersection-observer';

it('a Slack admin host the organization left out loses its controls and gets no more', async () => {
  let answerConfig: (reply: unknown) => void = () => {};
  vi.stubGlobal('browser', {
    runtime: {
      id: 'this-extension',
      onMessage: { addListener: () => undefined },
      sendMessage: () => new Promise((resolve) => (answerConfig = resolve)),
    },
  });
  document.body.innerHTML = `<table><tbody>
    <tr><td><a href="/team/U0123ABCD">Ada</a></td></tr>
    <tr><td><a href="/team/U0GRACE001">Grace</a></td></tr>
  </tbody></table>`;
  const lookAlike = document.createElement('ssa-reset-control');
  document.body.append(lookAlike);
  await import('./index');
  const rows = () => document.querySelectorAll('tr ssa-reset-control');
  // Placed before the background has answered, as on any page.
  await vi.waitFor(() => expect(rows()).toHaveLength(2));

  answerConfig({ ok: true, value: { extraMemberSelectors: [], placeControls: false } });
  await vi.waitFor(() => expect(rows()).toHaveLength(0));

  // A member the page adds later gets none either.
  document
    .querySelector('tbody')!
    .insertAdjacentHTML('beforeend', '<tr><td><a href="/team/U0LINUS001">Linus</a></td></tr>');
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(rows()).toHaveLength(0);
  // What the page made itself is the page's.
  expect(lookAlike.isConnected).toBe(true);
});
