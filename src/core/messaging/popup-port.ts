/**
 * The toolbar popup holds a port to the background while it is open, so an outcome that
 * arrives after it closed is shown as a notification instead of being lost.
 */
import browser from '../browser';

export const POPUP_PORT = 'popup-open';

/** Called once by the popup: holds the port, and holds it again after a worker restart. */
export function holdPopupPort(): void {
  const port = browser.runtime.connect({ name: POPUP_PORT });
  port.onDisconnect.addListener(() => holdPopupPort());
}
