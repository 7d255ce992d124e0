/**
 * Parsing untrusted message payloads. A request's payload type is derived from its parser,
 * so the type the UI sends and the check the background runs cannot drift apart.
 */

import { t } from '../../shared/i18n';
import { type Parsed, parsedFail, parsedOk } from '../../shared/parsed';

/** Reads one untrusted value: the typed value, or a sentence saying what is wrong. */
export type Field<T> = (raw: unknown) => Parsed<T>;

/** A field the sender may leave out. */
export type OptionalField<T> = Field<T | undefined> & { readonly optional: true };

type Shape = Record<string, Field<unknown>>;
type Out<F> = F extends Field<infer T> ? T : never;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The object a shape of fields reads: optional fields become optional properties. */
export type ObjectOf<S extends Shape> = Simplify<
  { [K in keyof S as S[K] extends { optional: true } ? never : K]: Out<S[K]> } & {
    [K in keyof S as S[K] extends { optional: true } ? K : never]?: Exclude<Out<S[K]>, undefined>;
  }
>;

export function optional<T>(field: Field<T>): OptionalField<T> {
  const read = (raw: unknown): Parsed<T | undefined> =>
    raw === undefined || raw === null ? parsedOk(undefined) : field(raw);
  return Object.assign(read, { optional: true as const });
}

/** A string of at most `max` characters; `what` names it in the sentence ("The token is missing."). */
export function text(what: string, max = 4096): Field<string> {
  return (raw) => {
    if (typeof raw !== 'string') return parsedFail(`The ${what} is missing.`);
    if (raw.length > max) return parsedFail(`The ${what} is too long.`);
    return parsedOk(raw);
  };
}

/** One of a fixed set of words (the keys of a label table, or a list). */
export function oneOf<T extends string>(
  allowed: readonly T[] | Record<T, unknown>,
  sentence: string,
): Field<T> {
  const words: readonly string[] = Array.isArray(allowed) ? allowed : Object.keys(allowed);
  return (raw) =>
    typeof raw === 'string' && words.includes(raw) ? parsedOk(raw as T) : parsedFail(sentence);
}

/** Only a real `true` is yes: a page that sends "true" or 1 has not said yes. */
export const yes: Field<boolean> = (raw) => parsedOk(raw === true);

/** A real boolean, for settings (where false is an answer too). */
export function bool(what: string): Field<boolean> {
  return (raw) =>
    typeof raw === 'boolean' ? parsedOk(raw) : parsedFail(`The ${what} is missing.`);
}

/** A whole number in a range; one outside it is brought into it (a limit, not a claim). */
export function count(min: number, max: number): Field<number> {
  return (raw) =>
    typeof raw === 'number' && Number.isInteger(raw)
      ? parsedOk(Math.min(max, Math.max(min, raw)))
      : parsedFail(t('core_notWholeNumber'));
}

/** A list of at most `max` items, each read by `item`. */
export function list<T>(item: Field<T>, max: number, what: string): Field<T[]> {
  return (raw) => {
    if (!Array.isArray(raw)) return parsedFail(`The ${what} are missing.`);
    if (raw.length > max) return parsedFail(`There are too many ${what}: at most ${max}.`);
    const items: T[] = [];
    for (const entry of raw) {
      const read = item(entry);
      if (!read.ok) return read;
      items.push(read.value);
    }
    return parsedOk(items);
  };
}

/** A string read by one of the shared parsers (IDs, e-mail addresses…). */
export function parsedText<T>(
  what: string,
  parse: (text: string) => Parsed<T>,
  max = 200,
): Field<T> {
  const asText = text(what, max);
  return (raw) => {
    const read = asText(raw);
    return read.ok ? parse(read.value) : read;
  };
}

export function object<S extends Shape>(shape: S): Field<ObjectOf<S>> {
  return (raw) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      return parsedFail(t('core_notWellFormed'));
    const source = raw as Record<string, unknown>;
    const value: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shape)) {
      const read = field(Object.hasOwn(source, key) ? source[key] : undefined);
      if (!read.ok) return read;
      if (read.value !== undefined) value[key] = read.value;
    }
    return parsedOk(value as ObjectOf<S>);
  };
}

/** One request type: how its payload is read, and (as a type only) what it replies. */
export interface RequestSpec<P, R> {
  readonly parse: Field<P>;
  /** Never set: carries the reply's type for the sender's and the handler's signatures. */
  readonly replyType?: R;
}

export type PayloadOfSpec<S> = S extends RequestSpec<infer P, unknown> ? P : never;
export type ResultOfSpec<S> = S extends RequestSpec<unknown, infer R> ? R : never;
export type RequestSpecs = Record<string, RequestSpec<unknown, unknown>>;

/**
 * `request({ tokenId: tokenIdField }).replies<TokenList>()`. `check` adds a rule across
 * fields (a passphrase required for one storage mode), said as a sentence.
 */
export function request<S extends Shape>(
  shape: S,
  check?: (payload: ObjectOf<S>) => string | undefined,
) {
  const fields = object(shape);
  const parse: Field<ObjectOf<S>> = check
    ? (raw) => {
        const read = fields(raw);
        if (!read.ok) return read;
        const problem = check(read.value);
        return problem ? parsedFail(problem) : read;
      }
    : fields;
  return { replies: <R>(): RequestSpec<ObjectOf<S>, R> => ({ parse }) };
}
