/** Sending typed requests to the background, from extension pages and the content script. */

import { t } from '../../shared/i18n';
import browser from '../browser';
import type { Reply } from './reply';
import type { PayloadOfSpec, RequestSpecs, ResultOfSpec } from './schema';

// Made when needed, in the language of that moment.
const noBackground = (): Reply<never> => ({
  ok: false,
  error: { code: 'no_background', message: t('core_noBackground') },
});

/** A typed `send(type, payload)` for one direction's requests (types only: no parser is bundled). */
export function requester<Specs extends RequestSpecs>() {
  return async function send<K extends keyof Specs & string>(
    type: K,
    payload: PayloadOfSpec<Specs[K]>,
  ): Promise<Reply<ResultOfSpec<Specs[K]>>> {
    try {
      const reply: unknown = await browser.runtime.sendMessage({ ...(payload as object), type });
      if (reply && typeof reply === 'object' && 'ok' in reply)
        return reply as Reply<ResultOfSpec<Specs[K]>>;
    } catch {
      // Falls through: the worker was restarting or the extension was updated under us.
    }
    return noBackground();
  };
}
