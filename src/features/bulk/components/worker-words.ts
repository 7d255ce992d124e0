/**
 * Sentences made in the preview worker. A worker has no `browser.i18n`, so there each message is
 * written down as its key and values, and the page, which has the catalogue, words it.
 */
import { type MessageKey, t } from '../../../shared/i18n';

const OPEN = '\u0001';
const NEXT = '\u0002';
const CLOSE = '\u0003';
const MARKS = new RegExp(`[${OPEN}${NEXT}${CLOSE}]`, 'g');

/** A value as written down: a message written down already stays whole, text loses any marks. */
const writtenValue = (value: string) =>
  value.startsWith(OPEN) && value.endsWith(CLOSE) ? value : value.replace(MARKS, '\uFFFD');

/** In the worker, before it reads anything: `t()` writes messages down instead of wording them. */
export function writeMessagesDown(): void {
  const scope = globalThis as { browser?: Record<string, unknown> };
  if (scope.browser?.i18n) return;
  scope.browser = {
    ...scope.browser,
    i18n: {
      getMessage: (key: string, values: string[] = []) =>
        `${OPEN}${[key, ...values.map(writtenValue)].join(NEXT)}${CLOSE}`,
      getUILanguage: () => navigator.language,
    },
  };
}

/** On the page: a text from the worker with each message written down in it worded. */
export function wordWrittenDown(text: string): string {
  let at = 0;
  // `at` is on an OPEN: reads to its CLOSE, wording the messages inside the values first.
  const message = (): string => {
    at++;
    const parts: string[] = [];
    let part = '';
    while (at < text.length) {
      const c = text[at]!;
      if (c === OPEN) {
        part += message();
        continue;
      }
      at++;
      if (c === NEXT) {
        parts.push(part);
        part = '';
      } else if (c === CLOSE) {
        const [key, ...values] = [...parts, part];
        return t(key as MessageKey, ...values);
      } else part += c;
    }
    return [...parts, part].join(' ');
  };
  let out = '';
  while (at < text.length) {
    if (text[at] === OPEN) out += message();
    else out += text[at++];
  }
  return out;
}
