/** A page whose words come from the catalogue says which language they are in (`<html lang>`). */
import { uiLanguage } from '../shared/i18n';

export function markPageLanguage(): void {
  // "de", "en-US"…: the catalogue the browser picked, for screen readers' pronunciation.
  document.documentElement.lang = uiLanguage();
}
