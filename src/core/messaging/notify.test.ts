import { expect, it, vi } from 'vitest';

it('a notice goes to the page that asked, not to whatever its tab shows now', async () => {
  const sendMessage = vi.fn(async () => undefined);
  vi.stubGlobal('browser', { runtime: { id: 'this-extension' }, tabs: { sendMessage } });
  const { tabNotifier } = await import('./notify');
  const notify = tabNotifier<{ 'bg-to-content/x': { n: number } }>();

  notify({ tabId: 7, documentId: 'DOC-1' }, 'bg-to-content/x', { n: 1 });
  expect(sendMessage).toHaveBeenLastCalledWith(
    7,
    { n: 1, type: 'bg-to-content/x' },
    { documentId: 'DOC-1' },
  );

  // Where the browser names no document (Firefox), at least never a frame inside the page.
  notify({ tabId: 7 }, 'bg-to-content/x', { n: 2 });
  expect(sendMessage).toHaveBeenLastCalledWith(
    7,
    { n: 2, type: 'bg-to-content/x' },
    { frameId: 0 },
  );
});
