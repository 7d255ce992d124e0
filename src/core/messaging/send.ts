/** Sending typed requests to the background, from extension pages and the content script. */
import browser from '../browser';
import type { Reply } from './reply';
import type { PayloadOfSpec, RequestSpecs, ResultOfSpec } from './schema';

const NO_BACKGROUND: Reply<never> = {
  ok: false,
  error: {
    code: 'no_background',
    message:
      'The extension did not answer. Try again; if it keeps happening, reload the extension.',
  },
};

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
    return NO_BACKGROUND;
  };
}
