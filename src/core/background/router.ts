/**
 * The background's single message entry point. Each route names the sender kinds it serves;
 * anything else is refused before the payload is looked at. The payload is then read by the
 * request's own parser, so every handler gets typed input, and nothing is done on bad input.
 */
import { type Reply, replyError, replyOk } from '../messaging/reply';
import type { Field, PayloadOfSpec, RequestSpecs, ResultOfSpec } from '../messaging/schema';
import { toReplyError } from './errors';
import {
  type ClassifiedSender,
  classifySender,
  type ExtensionIdentity,
  type MessageSender,
  type TrustedSender,
} from './sender';

export type { TrustedSender } from './sender';
/** What a handler knows of its sender: what the classifier trusted, nothing raw. */
export type HandlerContext = TrustedSender;
export type TrustedKind = TrustedSender['kind'];

export interface Handler<P, R> {
  from: readonly TrustedKind[];
  handle: (payload: P, context: HandlerContext) => Promise<R>;
}

export type AdminPageSender = Extract<TrustedSender, { kind: 'admin-content-script' }>;

/** A handler only the content script on a Slack admin page may reach, given that page. */
export function fromAdminPage<P, R>(
  handle: (payload: P, page: AdminPageSender) => Promise<R>,
): Handler<P, R> {
  return {
    from: ['admin-content-script'],
    // The router calls it only for a sender the classifier found to be an admin page.
    handle: (payload, sender) => handle(payload, sender as AdminPageSender),
  };
}

/** The handlers for one capability's requests, typed by its request specs. */
export type HandlersFor<Specs extends RequestSpecs> = {
  [K in keyof Specs]: Handler<PayloadOfSpec<Specs[K]>, ResultOfSpec<Specs[K]>>;
};

interface Route {
  from: readonly TrustedKind[];
  parse: Field<unknown>;
  handle: (payload: never, context: HandlerContext) => Promise<unknown>;
}

export type Routes = Record<string, Route>;

/** Puts each request's parser beside its handler; the types make sure none is missing. */
export function routesFor<Specs extends RequestSpecs>(
  specs: Specs,
  handlers: HandlersFor<Specs>,
): Routes {
  const routes: Routes = {};
  for (const type of Object.keys(specs)) {
    const handler = handlers[type as keyof Specs];
    routes[type] = { from: handler.from, parse: specs[type]!.parse, handle: handler.handle };
  }
  return routes;
}

const REFUSED = {
  code: 'refused',
  message: 'This request is not allowed from here.',
};

export function createRouter(routes: Routes, identity: ExtensionIdentity) {
  return async function route(message: unknown, sender: MessageSender): Promise<Reply<unknown>> {
    let trusted: ClassifiedSender;
    try {
      trusted = classifySender(sender, identity);
    } catch {
      trusted = { kind: 'untrusted' };
    }
    const type =
      typeof message === 'object' && message !== null
        ? (message as { type?: unknown }).type
        : undefined;
    const found =
      typeof type === 'string' && Object.hasOwn(routes, type) ? routes[type] : undefined;
    if (trusted.kind === 'untrusted' || !found || !found.from.includes(trusted.kind)) {
      console.warn(
        `Refused a "${String(type).slice(0, 40)}" message from a ${trusted.kind} sender.`,
      );
      return replyError(REFUSED);
    }
    const payload = found.parse(message);
    if (!payload.ok) return replyError({ code: 'invalid_input', message: payload.message });
    try {
      return replyOk(await found.handle(payload.value as never, trusted));
    } catch (error) {
      return replyError(toReplyError(error));
    }
  };
}
