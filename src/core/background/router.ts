/**
 * The background's single message entry point. Each request type's prefix names the one
 * sender kind it serves; anything else is refused before the payload is looked at. The
 * payload is then read by the request's own parser, so every handler gets typed input, and
 * nothing is done on bad input.
 */

import { t } from '../../shared/i18n';
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

/** What a handler knows of its sender: what the classifier trusted, nothing raw. */
export type HandlerContext = TrustedSender;
export type TrustedKind = TrustedSender['kind'];
export type AdminPageSender = Extract<TrustedSender, { kind: 'admin-content-script' }>;
type ExtensionPageSender = Extract<TrustedSender, { kind: 'extension-page' }>;

/** A request type names its sender, or it does not compile. */
export type RoutedType = `ui/${string}` | `content/${string}`;

/**
 * Who may send a request is said by its type's prefix, and only there: `ui/…` from the
 * extension's own pages, `content/…` from the content script on a Slack admin page.
 */
export function senderKindFor(type: RoutedType): TrustedKind {
  return type.startsWith('content/') ? 'admin-content-script' : 'extension-page';
}
type NamingTheirSender<Specs> = { [K in keyof Specs]: K extends RoutedType ? Specs[K] : never };

type SenderOf<K> = K extends `content/${string}` ? AdminPageSender : ExtensionPageSender;

/** The handlers for one capability's requests, typed by its request specs and their prefix. */
export type HandlersFor<Specs extends RequestSpecs> = {
  [K in keyof Specs]: (
    payload: PayloadOfSpec<Specs[K]>,
    sender: SenderOf<K>,
  ) => Promise<ResultOfSpec<Specs[K]>>;
};

interface Route {
  from: TrustedKind;
  parse: Field<unknown>;
  handle: (payload: never, sender: never) => Promise<unknown>;
}

export type Routes = Record<string, Route>;

/** All capabilities' routes in one table; a type two of them claim is a mistake, said at start. */
export function joinRoutes(...tables: Routes[]): Routes {
  const joined: Routes = {};
  for (const table of tables) {
    for (const [type, route] of Object.entries(table)) {
      if (Object.hasOwn(joined, type)) throw new Error(`"${type}" has two handlers.`);
      joined[type] = route;
    }
  }
  return joined;
}

/** Puts each request's parser beside its handler; the types make sure none is missing. */
export function routesFor<Specs extends RequestSpecs & NamingTheirSender<Specs>>(
  specs: Specs,
  handlers: HandlersFor<Specs>,
): Routes {
  const routes: Routes = {};
  for (const type of Object.keys(specs) as (keyof Specs & RoutedType)[]) {
    const { parse } = specs[type] as RequestSpecs[string];
    routes[type] = { from: senderKindFor(type), parse, handle: handlers[type] };
  }
  return routes;
}

const refused = () => ({ code: 'refused', message: t('core_refused') });

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
    if (trusted.kind === 'untrusted' || !found || found.from !== trusted.kind) {
      console.warn(
        `Refused a "${String(type).slice(0, 40)}" message from a ${trusted.kind} sender.`,
      );
      return replyError(refused());
    }
    try {
      const payload = found.parse(message);
      if (!payload.ok) return replyError({ code: 'invalid_input', message: payload.message });
      // The route's `from` matched the sender's kind, which is what the handler's type names.
      return replyOk(await found.handle(payload.value as never, trusted as never));
    } catch (error) {
      return replyError(toReplyError(error));
    }
  };
}
