// @vitest-environment happy-dom
import { expect, it, vi } from 'vitest';
import '../../../../test/support/no-intersection-observer';

type Listener = (message: unknown, sender: { id?: string; tab?: { id: number } }) => void;

it("a progress notice reaches the script's own control for the member, never a look-alike or a rewritten marker", async () => {
  let listener: Listener | undefined;
  vi.stubGlobal('browser', {
    runtime: {
      id: 'this-extension',
      onMessage: { addListener: (added: Listener) => (listener = added) },
      sendMessage: async () => ({
        ok: true,
        value: { extraMemberSelectors: [], placeControls: true },
      }),
    },
  });
  document.body.innerHTML = `<table><tbody>
    <tr><td><a href="/team/U0123ABCD">Ada</a></td></tr>
    <tr><td><a href="/team/U0VICTIM01">Vic</a></td></tr>
  </tbody></table>`;
  await import('./index');
  const [ada, vic] = await vi.waitFor(() => {
    const hosts = [...document.querySelectorAll('tr ssa-reset-control')];
    expect(hosts).toHaveLength(2);
    return hosts;
  });

  // The page swaps the markers on the real controls and adds one of its own for Ada.
  ada!.setAttribute('data-ssa-user', 'U0VICTIM01');
  vic!.setAttribute('data-ssa-user', 'U0123ABCD');
  const fake = document.createElement('ssa-reset-control');
  fake.setAttribute('data-ssa-user', 'U0123ABCD');
  document.body.append(fake);

  const done = {
    type: 'bg-to-content/reset/progress',
    userId: 'U0123ABCD',
    state: 'done',
    message: 'Signed Ada out',
  };
  // Not from this extension's background: another extension, or a script in some tab.
  listener!(done, { id: 'another-extension' });
  listener!(done, { id: 'this-extension', tab: { id: 4 } });
  expect(ada!.hasAttribute('data-ssa-state')).toBe(false);

  listener!(done, { id: 'this-extension' });
  expect(ada!.getAttribute('data-ssa-state')).toBe('done');
  expect(vic!.hasAttribute('data-ssa-state')).toBe(false);
  expect(fake.hasAttribute('data-ssa-state')).toBe(false);
});
