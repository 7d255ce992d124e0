/** Browser notifications for actions that have no extension page open to show their outcome. */
import browser from '../../../core/browser';
import { t } from '../../../shared/i18n';
import type { ConfirmationOutcome } from '../../confirm/messages';
import { outcomeKind, outcomeTally } from '../../confirm/model';

const ICON = 'icons/icon-128.png';

export async function notify(title: string, message: string): Promise<void> {
  // A browser without the API (or with it switched off) still has the outcome in Activity.
  await browser.notifications
    ?.create({ type: 'basic', iconUrl: browser.runtime.getURL(ICON), title, message })
    // Notifications may be switched off for the browser; the outcome is in Activity anyway.
    .catch(() => undefined);
}

/** One line per member, each naming them: a title alone cannot say who is still signed in. */
export async function notifyOutcomes(outcomes: ConfirmationOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  if (outcomes.length === 1) {
    const kind = outcomeKind(outcomes[0]!);
    const title =
      kind === 'done'
        ? t('notify_signedOutTitle')
        : kind === 'not-sent'
          ? t('notify_notSentTitle')
          : t('notify_failedTitle');
    await notify(title, outcomes[0]!.message);
    return;
  }
  // Those still signed in first: the lines a notification can show are few.
  const lines = [...outcomes.filter((o) => !o.ok), ...outcomes.filter((o) => o.ok)];
  await notify(outcomeTally(outcomes), lines.map((o) => o.message).join('\n'));
}
