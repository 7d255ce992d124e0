/** Asking the browser which of the extension's hosts it may reach, and for those it may not. */
import browser from '../../core/browser';

/** Whether the browser grants every one of `origins` now. */
export function hasAccessTo(origins: readonly string[]): Promise<boolean> {
  return browser.permissions.contains({ origins: [...origins] });
}

/** The patterns among `origins` the browser withholds now (each asked alone, to name them). */
export async function withheldOrigins(origins: readonly string[]): Promise<string[]> {
  const granted = await Promise.all(origins.map((origin) => hasAccessTo([origin])));
  return origins.filter((_, i) => !granted[i]);
}

/**
 * The browser's own question. Call it straight from a click handler, before anything is
 * awaited: the browser asks only during the person's gesture.
 */
export function requestAccess(origins: readonly string[]): Promise<boolean> {
  return browser.permissions.request({ origins: [...origins] });
}

/** `changed` runs whenever host access is granted or withdrawn, from anywhere; returns a stop. */
export function onAccessChanged(changed: () => void): () => void {
  browser.permissions.onAdded.addListener(changed);
  browser.permissions.onRemoved.addListener(changed);
  return () => {
    browser.permissions.onAdded.removeListener(changed);
    browser.permissions.onRemoved.removeListener(changed);
  };
}
