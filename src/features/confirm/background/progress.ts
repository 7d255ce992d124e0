/** Telling the admin page whose button asked how its member's reset is going. */
import type { NoticesToContent } from '../../../protocol';
import { notifyTab } from '../../../protocol/background';
import type { PendingConfirmation } from './store';

export function tellPage(
  pending: PendingConfirmation,
  progress: NoticesToContent['bg-to-content/reset/progress'],
): void {
  if (pending.tabId !== undefined)
    notifyTab(
      { tabId: pending.tabId, documentId: pending.documentId },
      'bg-to-content/reset/progress',
      progress,
    );
}
