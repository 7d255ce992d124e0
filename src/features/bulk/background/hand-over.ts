/**
 * Members a right-click hands to the bulk page: kept in storage.session (trusted contexts
 * only) under a one-time ID in the page's address, read once by the page.
 */
import { keyWithId, STORED } from '../../../core/background/storage';
import browser from '../../../core/browser';

export const BULK_PAGE = 'src/bulk/index.html';

/** Opens the bulk page with these members filled in. */
export async function openBulkPageWith(input: string): Promise<void> {
  const id = crypto.randomUUID();
  await browser.storage.session.set({ [keyWithId(STORED.bulkPrefill, id)]: input });
  await browser.tabs.create({ url: `${browser.runtime.getURL(BULK_PAGE)}?prefill=${id}` });
}

/** The members handed over under `id`, once; nothing for an unknown or used ID. */
export async function takeHandOver(id: string): Promise<string> {
  const key = keyWithId(STORED.bulkPrefill, id);
  const found = (await browser.storage.session.get(key))[key];
  await browser.storage.session.remove(key);
  return typeof found === 'string' ? found : '';
}
