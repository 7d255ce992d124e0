/** What every request is answered with: a value, or a sentence saying what went wrong. */
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

export const replyOk = <T>(value: T): Reply<T> => ({ ok: true, value });
export const replyError = <T = never>(error: ReplyError): Reply<T> => ({ ok: false, error });
