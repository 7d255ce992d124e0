/**
 * The service worker. Every listener is registered synchronously at the top level, so an
 * event that wakes a stopped worker is never dropped.
 */

import { watchPopupPorts } from '../core/background/open-popups';
import { createRouter } from '../core/background/router';
import { extensionOrigin, type MessageSender } from '../core/background/sender';
import { nothingToMove } from '../core/background/vault/records';
import browser from '../core/browser';
import { BULK_ALARM, bulkRunner } from '../features/bulk/background/worker-runner';
import { closeConfirmationsOfWindow } from '../features/confirm/background/confirmations';
import {
  buildContextMenu,
  handleMenuClick,
} from '../features/context-menu/background/context-menu';
import { routes } from './handlers';

// Throws (and so answers nothing) when the extension's own origin cannot be told apart.
const own = { id: browser.runtime.id, origin: extensionOrigin(browser.runtime.getURL('')) };
const route = createRouter(routes, own);
watchPopupPorts(own);

browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender) =>
  route(message, sender),
);

browser.contextMenus.onClicked.addListener((info, tab) => {
  void handleMenuClick(info, tab);
});

browser.runtime.onInstalled.addListener(({ reason }) => {
  // A new install has no older version's records to move out of storage.local.
  if (reason !== 'install') return;
  void nothingToMove();
  // A first install has no token yet: the settings page is where one is added. Updates are quiet.
  void browser.runtime.openOptionsPage();
});

browser.windows.onRemoved.addListener((windowId) => {
  void closeConfirmationsOfWindow(windowId);
});

browser.alarms.onAlarm.addListener(({ name }) => {
  if (name === BULK_ALARM) void bulkRunner.kick();
});

browser.runtime.onStartup.addListener(() => {
  void bulkRunner.kick();
});

// Idempotent, so it runs on every start: this also restores menus Firefox may drop on restart.
void buildContextMenu();
// A bulk job a stopped worker, a reload or an update left goes on where it was.
void bulkRunner.kick();
