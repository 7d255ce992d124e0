/** Telling the admin page whose button asked how its member's reset is going. */
import { type NoticesToContent, toContent } from '../../../protocol';
import type { PendingConfirmation } from './store';

/** Tells the page whose button asked how its member's reset is going. */
export function notifyTab(
  pending: PendingConfirmation,
  progress: NoticesToContent['bg-to-content/reset/progress'],
): void {
  if (pending.tabId !== undefined)
    toContent.send(pending.tabId, 'bg-to-content/reset/progress', progress);
}
