/**
 * A stand-in for the background in component tests. Each test declares the answers it gives,
 * per request type and typed by the protocol; requests are read by the real parsers first. A
 * request the test declared no answer for, or one the background would refuse, fails the test.
 *
 * Import this module before the code under test: `src/core/browser` reads `globalThis.browser`
 * once, when it is first imported, and this module puts its stand-in there.
 */
import { afterEach } from 'vitest';
import type { ReplyError } from '../../src/core/messaging/reply';
import type {
  NoticesToPages,
  PayloadOf,
  ResultOf,
  UiRequests,
  UiRequestType,
} from '../../src/protocol';
import { UI_REQUESTS } from '../../src/protocol/requests';

const SPECS: UiRequests = UI_REQUESTS;

/** An error reply; made by `failWith`. */
class Failure {
  constructor(readonly error: ReplyError) {}
}

/** Answers with an error reply: `failWith('locked', 'Enter its passphrase.', { tokenId: 't1' })`. */
export function failWith(
  code: string,
  message: string,
  more: Pick<ReplyError, 'needed' | 'tokenId'> = {},
): Failure {
  return new Failure({ code, message, ...more });
}

/** An answer that never comes, as from a background that is still starting. */
export const noAnswer = (): Promise<never> => new Promise(() => {});

type Answered<K extends UiRequestType> = ResultOf<K> | Failure;
export type Answer<K extends UiRequestType> = (
  payload: PayloadOf<K>,
) => Answered<K> | Promise<Answered<K>>;
export type Answers = { [K in UiRequestType]?: Answer<K> };

/** A request as the page sent it: its type beside its payload. */
export type Sent<K extends UiRequestType = UiRequestType> = {
  [T in K]: { type: T } & PayloadOf<T>;
}[K];

export interface FakeBackground {
  /** Every request received, in order, including refused ones. */
  sent: Sent[];
  sentOf<K extends UiRequestType>(type: K): Sent<K>[];
  /** How often `browser.runtime.openOptionsPage` was called. */
  openedOptions: number;
  /** The browser's host access, as `browser.permissions` answers pages: all granted at first. */
  siteAccess: FakeSiteAccess;
  /** Sends a notice to the pages' listeners, as the background's `notifyPages` would. */
  notify<K extends keyof NoticesToPages & string>(type: K, body: NoticesToPages[K]): void;
  /** Throws for the requests refused so far (or whose answer threw), each reported once; runs
   * after every test by itself. */
  verify(): void;
}

/** How the browser's Grant access question is answered: yes, no, or not yet. */
export type PermissionAnswer = 'grant' | 'decline' | 'pending';

export interface FakeSiteAccess {
  /** Withdraws these host patterns, as a person's switch in the browser does. */
  withhold(...origins: string[]): void;
  /** Grants them again from outside the page (the browser's extensions menu). */
  restore(...origins: string[]): void;
  /** The origins of each `permissions.request`, in order. */
  requested: string[][];
  /** What the browser's question answers from now on (default: grant). */
  answer: PermissionAnswer;
}

type PermissionListener = (permissions: { origins: string[] }) => void;

function fakeSiteAccess(): FakeSiteAccess & {
  contains(origins: string[]): boolean;
  request(origins: string[]): Promise<boolean>;
} {
  const withheld = new Set<string>();
  const change = (listeners: Set<PermissionListener>, origins: string[]) => {
    for (const listener of [...listeners]) listener({ origins });
  };
  const access = {
    requested: [] as string[][],
    answer: 'grant' as PermissionAnswer,
    withhold(...origins: string[]) {
      for (const origin of origins) withheld.add(origin);
      change(permissionListeners.removed, origins);
    },
    restore(...origins: string[]) {
      for (const origin of origins) withheld.delete(origin);
      change(permissionListeners.added, origins);
    },
    contains: (origins: string[]) => origins.every((origin) => !withheld.has(origin)),
    request(origins: string[]): Promise<boolean> {
      access.requested.push([...origins]);
      if (access.answer === 'pending') return new Promise(() => {});
      if (access.answer === 'decline') return Promise.resolve(false);
      // The browser grants, then tells every page; the request's answer comes after.
      access.restore(...origins);
      return Promise.resolve(true);
    },
  };
  return access;
}

const permissionListeners = {
  added: new Set<PermissionListener>(),
  removed: new Set<PermissionListener>(),
};

interface Installed extends FakeBackground {
  siteAccess: ReturnType<typeof fakeSiteAccess>;
  receive(message: unknown): Promise<unknown>;
}

/** Replaces the background of the test that is running; declare the answers it may give. */
export function fakeBackground(answers: Answers): FakeBackground {
  current = create(answers);
  return current;
}

function create(answers: Answers): Installed {
  const refused: string[] = [];
  const sent: Sent[] = [];
  return {
    sent,
    sentOf: <K extends UiRequestType>(type: K) =>
      sent.filter((message) => message.type === type) as Sent<K>[],
    openedOptions: 0,
    siteAccess: fakeSiteAccess(),
    notify(type, body) {
      const notice = structuredClone({ ...body, type });
      for (const listener of [...listeners]) listener(notice, { id: EXTENSION_ID });
    },
    verify() {
      const problems = refused.splice(0);
      if (problems.length > 0)
        throw new Error(`The fake background refused:\n${problems.join('\n')}`);
    },
    async receive(message) {
      const type = String((message as { type?: unknown }).type);
      sent.push(structuredClone(message) as Sent);
      const spec = Object.hasOwn(SPECS, type) ? SPECS[type as UiRequestType] : undefined;
      const answer = answers[type as UiRequestType] as
        | ((payload: unknown) => unknown | Promise<unknown>)
        | undefined;
      if (!spec || !answer) {
        refused.push(`${type}: this test declared no answer for it`);
        throw new Error(`No answer declared for ${type}`);
      }
      const payload = spec.parse(message);
      if (!payload.ok) {
        refused.push(`${type}: the background would refuse it (${payload.message})`);
        return { ok: false, error: { code: 'invalid_input', message: payload.message } };
      }
      let result: unknown;
      try {
        result = await answer(payload.value);
      } catch (error) {
        refused.push(`${type}: its answer threw (${String(error)})`);
        throw error;
      }
      // Copied, as the real runtime does: a page cannot change the test's fixtures.
      return result instanceof Failure
        ? { ok: false, error: structuredClone(result.error) }
        : { ok: true, value: structuredClone(result) };
    },
  };
}

let current = create({});

const EXTENSION_ID = 'fake-extension-id';
type Listener = (message: unknown, sender: { id: string }) => void;
/** The pages' `runtime.onMessage` listeners: where notices go. */
const listeners = new Set<Listener>();

const standIn = {
  runtime: {
    id: EXTENSION_ID,
    getURL: (path: string) => `chrome-extension://${EXTENSION_ID}/${path.replace(/^\//, '')}`,
    onMessage: {
      addListener: (listener: Listener) => void listeners.add(listener),
      removeListener: (listener: Listener) => void listeners.delete(listener),
    },
    sendMessage: (message: unknown) => current.receive(message),
    openOptionsPage: async () => {
      current.openedOptions++;
    },
  },
  permissions: {
    contains: async ({ origins = [] }: { origins?: string[] }) =>
      current.siteAccess.contains(origins),
    // Not async: like the browser's, the question is asked during the call itself.
    request: ({ origins = [] }: { origins?: string[] }) => current.siteAccess.request(origins),
    onAdded: listenerSet(permissionListeners.added),
    onRemoved: listenerSet(permissionListeners.removed),
  },
};

function listenerSet(set: Set<PermissionListener>) {
  return {
    addListener: (listener: PermissionListener) => void set.add(listener),
    removeListener: (listener: PermissionListener) => void set.delete(listener),
  };
}

// What the unit-test setup put there (the English `i18n`) stays.
Object.assign(standIn, { ...(globalThis as { browser?: object }).browser, ...standIn });
Object.assign(globalThis, { browser: standIn });

// Only now may src/core/browser read the global; if something imported it earlier, it holds
// no browser at all, and every request would quietly fail as "the extension did not answer".
const { default: seen } = await import('../../src/core/browser');
if ((seen as unknown) !== standIn) {
  throw new Error(
    'Import test/support/fake-background before the code under test: src/core/browser has already read globalThis.browser.',
  );
}

afterEach(() => {
  const finished = current;
  fakeBackground({});
  finished.verify();
});
