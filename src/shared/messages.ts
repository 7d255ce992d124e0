/**
 * The one message protocol between the extension's contexts. Every message type names its
 * direction in its prefix:
 *   `ui/…`       extension pages (popup, options, confirmation, bulk) -> background
 *   `content/…`  the content script on Slack admin pages -> background (a very short list)
 *   `bg/…`       background -> a content script or extension page (notices, no reply)
 * Replies are always a `Reply`: a value, or a sentence saying what went wrong. The token never
 * appears in any of these shapes.
 */
import type { ActivityEntry, ActivityFilter } from '../features/activity/model';
import type { Preferences } from '../features/settings/model';
import type { ApiEnvironment, StorageMode, TokenSummary } from '../features/tokens/model';
import type { SessionId, UserId } from './ids';
import type { DeviceScope } from './scope';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };

export interface ReplyError {
  /** Slack's error code or one of ours (`locked`, `no_token`, `invalid_input`, …). */
  code: string;
  /** A plain sentence: what happened and what to do. */
  message: string;
  needed?: string;
  /** Which token is locked, when `code` is `locked`. */
  tokenId?: string;
}

/** Where an action was started; recorded in Activity. */
export type ActionSource = 'popup' | 'page' | 'context-menu' | 'bulk';

export interface MemberView {
  userId: UserId;
  name?: string;
  email?: string;
  teamId?: string;
  /** Workspaces of an Enterprise member (session lists are per workspace). */
  teams: string[];
  isBot: boolean;
  isPrimaryOwner: boolean;
  deleted: boolean;
}

/** A member as a UI showed them: with the saved org they were looked up in. */
export type ShownMember = MemberView & { tokenId: string };

export interface SessionView {
  sessionId: SessionId;
  teamId: string;
  /** Hardware and OS, from the most recent use. */
  device?: string;
  os?: string;
  clientVersion?: string;
  /** Slack reports device details at sign-in ("created") and at last use ("recent"). */
  lastSeenIp?: string;
  createdIp?: string;
}

export interface TokenList {
  tokens: TokenSummary[];
  activeId?: string;
}

export interface SaveTokenResult {
  token: TokenSummary;
  /** Sentences about scopes: missing ones and what each disables, or too many. */
  warnings: string[];
}

export interface ResetOutcome {
  member: MemberView;
  org: string;
  scope: DeviceScope;
  /** The first attempt timed out, so the request was sent twice. */
  resent: boolean;
}

/** Which page or surface asked for a confirmation, as the browser (not the page) reported it. */
export interface Asker {
  surface: 'page' | 'context-menu';
  /** The page's origin, e.g. `https://acme.slack.com`. */
  origin?: string;
  /** The tab's title, shortened. */
  title?: string;
}

export interface ConfirmationOutcome {
  label: string;
  ok: boolean;
  message: string;
  /** A worker stop or a timeout left it unknown whether Slack did it. */
  unknown?: boolean;
}

export interface ConfirmationView {
  id: string;
  source: ActionSource;
  /** The org that will act; empty while the admin has to pick one (see `orgChoice`). */
  org: string;
  tokenId?: string;
  /** The page's org is not one the extension knows: the admin picks a saved org, or cancels. */
  orgChoice?: {
    host: string;
    orgs: { tokenId: string; team: string }[];
    /** Whether the host can stand for one org (a workspace's own), so the choice can be kept. */
    rememberable: boolean;
  };
  asker: Asker;
  targets: { label: string; userId?: UserId; email?: string }[];
  scope: DeviceScope;
  /** Set once the admin answered; the page then shows the outcome. */
  outcomes?: ConfirmationOutcome[];
  /** The admin chose Cancel: nothing was sent. */
  cancelled?: boolean;
}

/** UI -> background requests: payload and the reply's value type. */
export interface UiRequests {
  'ui/tokens/list': { payload: Record<string, never>; result: TokenList };
  'ui/tokens/save': {
    payload: { token: string; mode: StorageMode; passphrase?: string; environment: ApiEnvironment };
    result: SaveTokenResult;
  };
  'ui/tokens/remove': { payload: { tokenId: string }; result: TokenList };
  'ui/tokens/activate': { payload: { tokenId: string }; result: TokenList };
  'ui/tokens/unlock': { payload: { tokenId: string; passphrase: string }; result: TokenList };
  'ui/tokens/lock': { payload: { tokenId: string }; result: TokenList };
  /** `tokenId`: the org the member was found in; the reset and invalidate then name it. */
  'ui/member/resolve': { payload: { input: string }; result: ShownMember };
  /** `tokenId`: the org the admin saw when they confirmed; refused if another is active now. */
  'ui/sessions/reset': {
    payload: {
      userId: UserId;
      tokenId: string;
      scope: DeviceScope;
      reason?: string;
      source: ActionSource;
    };
    result: ResetOutcome;
  };
  'ui/sessions/list': { payload: { userId: UserId; tokenId: string }; result: SessionView[] };
  'ui/sessions/invalidate': {
    payload: {
      userId: UserId;
      tokenId: string;
      sessionId: SessionId;
      teamId: string;
      reason?: string;
    };
    result: { sessionId: SessionId; message: string };
  };
  'ui/activity/list': {
    payload: { filter?: ActivityFilter; limit?: number };
    result: ActivityEntry[];
  };
  'ui/activity/export-csv': {
    payload: Record<string, never>;
    result: { csv: string; filename: string };
  };
  'ui/settings/get': { payload: Record<string, never>; result: Preferences };
  'ui/settings/set': { payload: { preferences: Partial<Preferences> }; result: Preferences };
  'ui/confirmation/get': { payload: { id: string }; result: ConfirmationView };
  /** The admin picked the org a page of unknown org belongs to. */
  'ui/confirmation/choose-org': {
    payload: { id: string; tokenId: string; remember: boolean };
    result: ConfirmationView;
  };
  'ui/confirmation/answer': {
    payload: { id: string; confirmed: boolean; scope: DeviceScope; reason?: string };
    result: ConfirmationView;
  };
}

/** Content script -> background: it may only ask; the background confirms in its own UI. */
export interface ContentRequests {
  'content/reset/ask': { payload: { userId: string }; result: { opened: true } };
  /** Only the admin-page markup hints; nothing about tokens or members. */
  'content/config/get': {
    payload: Record<string, never>;
    result: { extraMemberSelectors: string[] };
  };
}

/** Background -> content script / extension pages: notices with no reply. */
export interface BackgroundNotices {
  'bg/reset/progress': {
    userId: UserId;
    state: 'working' | 'done' | 'failed' | 'cancelled';
    message: string;
  };
  /** To open extension pages: Activity has a new entry. */
  'bg/activity/added': { entryId: string };
}

export type UiRequestType = keyof UiRequests;
export type ContentRequestType = keyof ContentRequests;
export type RequestType = UiRequestType | ContentRequestType;

type AllRequests = UiRequests & ContentRequests;
export type PayloadOf<K extends RequestType> = AllRequests[K]['payload'];
export type ResultOf<K extends RequestType> = AllRequests[K]['result'];
export type RequestMessage<K extends RequestType = RequestType> = { type: K } & PayloadOf<K>;
export type NoticeMessage<K extends keyof BackgroundNotices = keyof BackgroundNotices> = {
  type: K;
} & BackgroundNotices[K];

export const replyOk = <T>(value: T): Reply<T> => ({ ok: true, value });
export const replyError = <T = never>(error: ReplyError): Reply<T> => ({ ok: false, error });
