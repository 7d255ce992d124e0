/** Sending typed requests to the background, from extension pages and the content script. */

import type {
  ContentRequestType,
  PayloadOf,
  Reply,
  RequestMessage,
  RequestType,
  ResultOf,
  UiRequestType,
} from '../../shared/messages';
import browser from '../browser';

async function send<K extends RequestType>(
  type: K,
  payload: PayloadOf<K>,
): Promise<Reply<ResultOf<K>>> {
  try {
    const message: RequestMessage<K> = { ...payload, type };
    const reply = (await browser.runtime.sendMessage(message)) as Reply<ResultOf<K>> | undefined;
    if (reply && typeof reply === 'object' && 'ok' in reply) return reply;
  } catch {
    // Falls through: the worker was restarting or the extension was updated under us.
  }
  return {
    ok: false,
    error: {
      code: 'no_background',
      message:
        'The extension did not answer. Try again; if it keeps happening, reload the extension.',
    },
  };
}

/** UI -> background. */
export function ask<K extends UiRequestType>(
  type: K,
  payload: PayloadOf<K>,
): Promise<Reply<ResultOf<K>>> {
  return send(type, payload);
}

/** Content script -> background. */
export function askFromPage<K extends ContentRequestType>(
  type: K,
  payload: PayloadOf<K>,
): Promise<Reply<ResultOf<K>>> {
  return send(type, payload);
}
