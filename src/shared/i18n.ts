/**
 * Every sentence a person reads comes from the browser's `_locales` catalogue, in the browser's
 * language (English when it has no translation). Keys are typed from the English catalogue, so
 * a missing or misspelt key is a type error, and the parity test holds the other locales to it.
 */
import type english from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

interface I18nApi {
  getMessage(name: string, substitutions?: string[]): string;
  getUILanguage(): string;
}

// Read on each call: the platform's own API, in every context (worker, pages, content script).
const api = () => (globalThis as { browser?: { i18n?: I18nApi } }).browser?.i18n;

/** The message `key`, with `$1`…`$9` filled from `values` in order. */
export function t(key: MessageKey, ...values: (string | number)[]): string {
  // The browser gives "" for a key it does not know: show the key rather than nothing.
  return api()?.getMessage(key, values.map(String)) || key;
}

/** The language the messages are shown in (`en`, `de`…), for `<html lang>` and formatting. */
export function uiLanguage(): string {
  return api()?.getUILanguage() ?? 'en';
}
