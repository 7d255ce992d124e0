/** Whether the toolbar popup is open now: it holds a port while it lives (popup-port.ts). */
import type { Runtime } from 'webextension-polyfill';
import browser from '../browser';
import { POPUP_PORT } from '../messaging/popup-port';
import { classifySender, type ExtensionIdentity, type MessageSender } from './sender';

const open = new Set<Runtime.Port>();

export function watchPopupPorts(own: ExtensionIdentity): void {
  browser.runtime.onConnect.addListener((port) => {
    // Only this extension's own pages count: another extension cannot keep outcomes silent.
    const sender = (port.sender ?? {}) as MessageSender;
    if (port.name !== POPUP_PORT || classifySender(sender, own).kind !== 'extension-page') return;
    open.add(port);
    port.onDisconnect.addListener(() => open.delete(port));
  });
}

export function popupIsOpen(): boolean {
  return open.size > 0;
}
