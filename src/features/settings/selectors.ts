/**
 * Checks on admin-supplied member selectors. The page asks the browser's own parser; the
 * background (a service worker, with no DOM to ask) runs a structural check, so a selector
 * that would throw in a content script is refused on either side.
 */
import { t } from '../../shared/i18n';

/** Why a selector cannot be parsed, or undefined when its structure is sound. */
export function selectorStructureProblem(selector: string): string | undefined {
  const s = selector.trim();
  if (s === '') return t('settings_selectorEmpty');
  if (/[{};]/.test(s)) return t('settings_selectorBraces');
  const open: string[] = [];
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') open.push(c === '[' ? ']' : ')');
    else if (c === ']' || c === ')') {
      if (open.pop() !== c) return t('settings_selectorClosesNothing', c);
    }
  }
  if (quote) return t('settings_selectorQuoteOpen');
  if (open.length > 0) return t('settings_selectorMissing', open[open.length - 1]!);
  // Outside brackets and strings: no empty part of a list, no dangling combinator.
  let bare = s
    .replace(/\\./g, 'x')
    .replace(/"[^"]*"|'[^']*'/g, '""')
    .replace(/\[[^\]]*\]/g, '[]');
  // Pseudo-class arguments (`:has(> a, > b)`) are lists of their own.
  while (/\([^()]*\)/.test(bare)) bare = bare.replace(/\([^()]*\)/g, '[]');
  if (bare.split(',').some((part) => part.trim() === '')) return t('settings_selectorEmptyPart');
  if (/[>+~]\s*$/.test(bare) || /^\s*[>+~]/.test(bare) || /,\s*[>+~]|[>+~]\s*,/.test(bare))
    return t('settings_selectorCombinator');
  return undefined;
}

/** The browser's verdict, with its own message (pages only: needs a DOM). */
export function selectorParseError(selector: string): string | undefined {
  try {
    document.createDocumentFragment().querySelector(selector);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** One sentence per line the browser refuses, numbered as the admin typed them. */
export function selectorLineProblems(textareaValue: string): string[] {
  const problems: string[] = [];
  textareaValue.split('\n').forEach((line, index) => {
    const selector = line.trim();
    if (!selector) return;
    const reason = selectorParseError(selector) ?? selectorStructureProblem(selector);
    if (reason) problems.push(t('settings_selectorLine', index + 1, selector, reason));
  });
  return problems;
}
