/** What every parser returns: the value, or a sentence saying what is wrong. Never a throw. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export const parsedOk = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const parsedFail = <T = never>(message: string): Parsed<T> => ({ ok: false, message });
