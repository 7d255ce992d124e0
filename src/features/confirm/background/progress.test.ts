import { expect, it, vi } from 'vitest';
import type { PendingConfirmation } from './store';

it('progress of a page button’s reset is told to the document that asked', async () => {
  const sendMessage = vi.fn(async () => undefined);
  vi.stubGlobal('browser', { runtime: { id: 'this-extension' }, tabs: { sendMessage } });
  const { tellPage } = await import('./progress');
  const pending = { tabId: 3, documentId: 'DOC-9' } as PendingConfirmation;
  tellPage(pending, { userId: 'U0123ABCD' as never, state: 'working', message: 'Resetting…' });
  expect(sendMessage).toHaveBeenCalledWith(
    3,
    expect.objectContaining({ type: 'bg-to-content/reset/progress', userId: 'U0123ABCD' }),
    { documentId: 'DOC-9' },
  );

  // A right-click names no tab to tell.
  tellPage({} as PendingConfirmation, { userId: 'U0123ABCD' as never, state: 'done', message: '' });
  expect(sendMessage).toHaveBeenCalledTimes(1);
});
