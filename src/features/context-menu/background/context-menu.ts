/**
 * Right-click on a user ID, an e-mail address or a Slack profile link, on any page. The menu
 * is (re)built idempotently on every worker start; the click listener is registered at the
 * top level by the caller so a click that wakes the worker is never lost.
 */
import type { Menus, Tabs } from 'webextension-polyfill';
import { toReplyError } from '../../../core/background/errors';
import browser from '../../../core/browser';
import { clip, shortTitle } from '../../../shared/format';
import { type MessageKey, t } from '../../../shared/i18n';
import {
  describeUserRef,
  extractUserRefs,
  parseEmail,
  parseProfileLink,
  type UserRef,
} from '../../../shared/ids';
import type { DeviceScope } from '../../../shared/scope';
import { isSlackHost, parseUrl } from '../../../shared/url';
import { openBulkPageWith } from '../../bulk/background/hand-over';
import { MAX_BULK_MEMBERS } from '../../bulk/model';
import {
  knownOrg,
  openConfirmation,
  resetWithoutConfirmation,
} from '../../confirm/background/confirmations';
import { activeOrg } from '../../confirm/background/page-org';
import { getPreferences } from '../../settings/background/preferences';
import { notify } from './notifications';

export const MENU_RESET = 'reset-sessions';
export const MENU_RESET_WEB = 'reset-sessions-web';
export const MENU_RESET_MOBILE = 'reset-sessions-mobile';
export const MENU_SHOW = 'show-sessions';

/** A confirmation window lists at most this many; a larger selection goes to the bulk page. */
export const SELECTION_LIMIT = 50;

// `%s` is the browser's: it shows the selected text in the title.
const ITEMS: { id: string; title: MessageKey; scope?: DeviceScope }[] = [
  { id: MENU_RESET, title: 'menu_resetAll', scope: 'all' },
  { id: MENU_RESET_WEB, title: 'menu_resetWeb', scope: 'web' },
  { id: MENU_RESET_MOBILE, title: 'menu_resetMobile', scope: 'mobile' },
  { id: MENU_SHOW, title: 'menu_showSessions' },
];
const CONTEXTS: Menus.ContextType[] = ['selection', 'link'];

/** Update when present, create when not: safe on every start, no "duplicate id" errors. */
export async function buildContextMenu(): Promise<void> {
  for (const item of ITEMS) {
    const properties = { title: t(item.title), contexts: CONTEXTS };
    try {
      await browser.contextMenus.update(item.id, properties);
    } catch {
      await new Promise<void>((resolve) => {
        browser.contextMenus.create({ id: item.id, ...properties }, () => {
          // A concurrent start may have created it first; that is the state we want.
          void browser.runtime.lastError;
          resolve();
        });
      });
    }
  }
}

/** Members named by what was right-clicked: the selection first, then the link. */
export function targetsOf(info: Pick<Menus.OnClickData, 'selectionText' | 'linkUrl'>): UserRef[] {
  // One more than a job takes, so a selection too large even for that is told so.
  const refs = extractUserRefs(info.selectionText ?? '', MAX_BULK_MEMBERS + 1);
  const link = info.linkUrl ?? '';
  const fromLink = parseProfileLink(link);
  const fromMailto = /^mailto:/i.test(link) ? parseEmail(link) : undefined;
  const extra: UserRef | undefined = fromLink.ok
    ? { kind: 'id', userId: fromLink.value }
    : fromMailto?.ok
      ? { kind: 'email', email: fromMailto.value }
      : undefined;
  const seen = new Set(refs.map((r) => (r.kind === 'id' ? r.userId : r.email)));
  if (extra && !seen.has(extra.kind === 'id' ? extra.userId : extra.email)) refs.push(extra);
  return refs;
}

/** Slack's own pages (the web client, admin pages), over HTTPS. */
export function isSlackPage(pageUrl: string | undefined): boolean {
  const url = parseUrl(pageUrl);
  return url?.protocol === 'https:' && isSlackHost(url.hostname);
}

/**
 * A page can rewrite the selection in its own contextmenu handler, and the menu title shows
 * only its start: several members, or any page that is not Slack's, are always confirmed. So
 * is a link, whose text (written by any member, or another org over Slack Connect) need not
 * name the member it points to. The preference may skip the question only for one member in
 * a selection made on a Slack page.
 */
export function mayResetWithoutAsking(
  refs: readonly UserRef[],
  info: Pick<Menus.OnClickData, 'linkUrl' | 'selectionText'>,
  pageUrl: string | undefined,
): boolean {
  return refs.length === 1 && !info.linkUrl && Boolean(info.selectionText) && isSlackPage(pageUrl);
}

export async function handleMenuClick(info: Menus.OnClickData, tab?: Tabs.Tab): Promise<void> {
  const item = ITEMS.find((i) => i.id === info.menuItemId);
  if (!item) return;
  const refs = targetsOf(info);
  if (refs.length === 0) {
    await notify(
      t('notify_noMemberTitle'),
      t('notify_noMemberMessage', clip(info.selectionText ?? info.linkUrl ?? '', 60)),
    );
    return;
  }
  if (refs.length > SELECTION_LIMIT && item.scope) {
    // More than a confirmation window lists: the bulk page takes them, shows them, and asks.
    await openBulkPageWith({ input: refs.map(describeUserRef).join('\n'), scope: item.scope });
    return;
  }
  if (!item.scope) {
    const first = refs[0]!;
    const user = first.kind === 'id' ? first.userId : first.email;
    const url = `${browser.runtime.getURL('src/popup/index.html')}?view=sessions&user=${encodeURIComponent(user)}`;
    await browser.windows.create({ url, type: 'popup', width: 440, height: 600, focused: true });
    return;
  }
  try {
    const pageUrl = info.frameUrl ?? info.pageUrl ?? tab?.url;
    const request = {
      source: 'context-menu' as const,
      refs,
      scope: item.scope,
      org: knownOrg(await activeOrg()),
      asker: {
        surface: 'context-menu' as const,
        origin: parseUrl(pageUrl)?.origin,
        title: shortTitle(tab?.title),
      },
    };
    const { confirmBeforeReset } = await getPreferences();
    if (!confirmBeforeReset && mayResetWithoutAsking(refs, info, pageUrl))
      await resetWithoutConfirmation(request);
    else await openConfirmation(request);
  } catch (error) {
    await notify(t('notify_notStartedTitle'), toReplyError(error).message);
  }
}
