/**
 * `browser.i18n` for unit tests, read from a locale's `messages.json` with the browser's own
 * rules: `$name$` placeholders become their `content`, `$1`…`$9` the substitutions, `$$` a `$`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type LocaleCatalogue = Record<string, LocaleMessage>;

export function readCatalogue(locale: string): LocaleCatalogue {
  const path = join(import.meta.dirname, '../../public/_locales', locale, 'messages.json');
  return JSON.parse(readFileSync(path, 'utf8')) as LocaleCatalogue;
}

export function formatMessage(entry: LocaleMessage, substitutions: string[] = []): string {
  const placeholders = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  const withPlaceholders = entry.message.replace(
    /\$([A-Za-z0-9_@]+)\$/g,
    (whole, name: string) => placeholders[name.toLowerCase()] ?? whole,
  );
  return withPlaceholders.replace(/\$(\$|[1-9])/g, (_, which: string) =>
    which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
  );
}

export function i18nFor(locale = 'en') {
  const catalogue = readCatalogue(locale);
  return {
    getMessage: (name: string, substitutions?: string | string[]) => {
      const entry = catalogue[name];
      if (!entry) return '';
      return formatMessage(
        entry,
        typeof substitutions === 'string' ? [substitutions] : substitutions,
      );
    },
    getUILanguage: () => locale,
  };
}
