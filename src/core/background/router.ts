/**
 * The background's single message entry point. Each handler names the sender kinds it serves;
 * anything else is refused before the payload is looked at, and nothing is done.
 */
import {
  type Reply,
  type RequestType,
  type ResultOf,
  replyError,
  replyOk,
} from '../../shared/messages';
import { toReplyError } from './errors';
import { classifySender, type MessageSender, originOf, type SenderKind } from './sender';

export type TrustedSender = Exclude<SenderKind, 'untrusted'>;

export interface HandlerContext {
  kind: TrustedSender;
  /** The admin page's tab, for content-script messages. */
  tabId?: number;
  /** The page's origin, for content-script messages (from the browser, not the page). */
  origin?: string;
  /** The page's URL and its tab's title: the page's own claims, shown or read, never trusted. */
  url?: string;
  tabTitle?: string;
}

export interface Handler<K extends RequestType> {
  from: readonly TrustedSender[];
  /** The payload is untrusted input: every handler validates what it reads. */
  handle: (payload: Record<string, unknown>, context: HandlerContext) => Promise<ResultOf<K>>;
}

export type HandlerTable = { [K in RequestType]: Handler<K> };

const REFUSED = {
  code: 'refused',
  message: 'This request is not allowed from here.',
};

export function createRouter(handlers: HandlerTable, identity: { id: string; origin: string }) {
  return async function route(message: unknown, sender: MessageSender): Promise<Reply<unknown>> {
    let kind: SenderKind;
    try {
      kind = classifySender(sender, identity.id, identity.origin);
    } catch {
      kind = 'untrusted';
    }
    const type =
      typeof message === 'object' && message !== null
        ? (message as { type?: unknown }).type
        : undefined;
    const handler =
      typeof type === 'string' && Object.hasOwn(handlers, type)
        ? handlers[type as RequestType]
        : undefined;
    if (kind === 'untrusted' || !handler || !handler.from.includes(kind)) {
      console.warn(`Refused a "${String(type).slice(0, 40)}" message from a ${kind} sender.`);
      return replyError(REFUSED);
    }
    try {
      const context: HandlerContext =
        kind === 'admin-content-script'
          ? {
              kind,
              tabId: sender.tab?.id,
              origin: sender.origin ?? originOf(sender.url),
              url: sender.url,
              tabTitle: sender.tab?.title,
            }
          : { kind };
      return replyOk(await handler.handle(message as Record<string, unknown>, context));
    } catch (error) {
      return replyError(toReplyError(error));
    }
  };
}
