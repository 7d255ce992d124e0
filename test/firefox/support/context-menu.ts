/**
 * Firefox's own right-click menu, driven as a person does: a real right-click in the page opens
 * it, and the extension's item is chosen in the browser window (reached through BiDi's chrome
 * scope, which `--remote-allow-system-access` opens). The extension's onClicked listener then
 * runs exactly as after a click with the mouse.
 */
import type { Browser, Page } from 'puppeteer-core';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

/** Runs `expression` (awaiting a promise) in the first browser window's chrome document. */
async function evaluateInBrowserWindow(browser: Browser, expression: string): Promise<unknown> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const windows = tree.result.contexts as { context: string }[];
  const target = windows[0]?.context;
  if (!target) throw new Error('No browser window to drive.');
  const { result } = await connection.send('script.evaluate', {
    expression,
    target: { context: target },
    awaitPromise: true,
  });
  const evaluated = result as unknown as EvaluateResult;
  if (evaluated.type !== 'success') throw new Error(evaluated.exceptionDetails?.text);
  return evaluated.result?.value;
}

/** Firefox's element ID prefix for an extension's menu items (its widget ID). */
function menuItemPrefix(geckoId: string): string {
  return `${geckoId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-menuitem-_`;
}

/**
 * Right-clicks `point` of `page`, waits for the extension's item `menuItemId` in the menu that
 * opens and chooses it. Resolves to the item's title as the menu showed it.
 */
export async function chooseFromContextMenu(
  browser: Browser,
  page: Page,
  point: { x: number; y: number },
  geckoId: string,
  menuItemId: string,
): Promise<string> {
  await page.mouse.click(point.x, point.y, { button: 'right' });
  const itemId = JSON.stringify(`${menuItemPrefix(geckoId)}${menuItemId}`);
  const label = await evaluateInBrowserWindow(
    browser,
    `new Promise((resolve, reject) => {
      const started = Date.now();
      const look = () => {
        const menu = document.getElementById('contentAreaContextMenu');
        const item = document.getElementById(${itemId});
        if (menu && menu.state === 'open' && item && !item.hidden) {
          // With several items Firefox groups them under the extension's name: open that first.
          const popup = item.closest('menupopup');
          const choose = () => {
            popup.activateItem(item);
            resolve(item.label);
          };
          if (popup === menu || popup.state === 'open') choose();
          else {
            popup.addEventListener('popupshown', choose, { once: true });
            popup.parentElement.openMenu(true);
          }
        } else if (Date.now() - started > 10000) {
          reject(new Error('The context menu did not show ' + ${itemId} + ' (menu ' + (menu && menu.state) + ').'));
        } else setTimeout(look, 50);
      };
      look();
    })`,
  );
  return String(label);
}
