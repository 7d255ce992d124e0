/**
 * Members a right-click hands to the bulk page: kept in storage.session (trusted contexts
 * only) under a one-time ID in the page's address, read once by the page.
 */
import { keyWithId, STORED } from '../../../core/background/storage';
import browser from '../../../core/browser';
import { type DeviceScope, isDeviceScope } from '../../../shared/scope';

export const BULK_PAGE = 'src/bulk/index.html';

interface HandOver {
  input: string;
  scope?: DeviceScope;
}

/** Opens the bulk page with these members filled in, and the devices the menu item named. */
export async function openBulkPageWith(handOver: HandOver): Promise<void> {
  const id = crypto.randomUUID();
  await browser.storage.session.set({ [keyWithId(STORED.bulkPrefill, id)]: handOver });
  await browser.tabs.create({ url: `${browser.runtime.getURL(BULK_PAGE)}?prefill=${id}` });
}

/** What was handed over under `id`, once; nothing for an unknown or used ID. */
export async function takeHandOver(id: string): Promise<HandOver> {
  const key = keyWithId(STORED.bulkPrefill, id);
  const found = (await browser.storage.session.get(key))[key] as Partial<HandOver> | undefined;
  await browser.storage.session.remove(key);
  return {
    input: typeof found?.input === 'string' ? found.input : '',
    scope: isDeviceScope(found?.scope) ? found.scope : undefined,
  };
}
