/** Browser notifications for actions that have no extension page open to show their outcome. */
import browser from '../../../core/browser';

const ICON = 'icons/icon-128.png';

export async function notify(title: string, message: string): Promise<void> {
  await browser.notifications
    .create({ type: 'basic', iconUrl: browser.runtime.getURL(ICON), title, message })
    // Notifications may be switched off for the browser; the outcome is in Activity anyway.
    .catch(() => undefined);
}

export async function notifyOutcomes(outcomes: { ok: boolean; message: string }[]): Promise<void> {
  if (outcomes.length === 0) return;
  const failed = outcomes.filter((o) => !o.ok);
  if (outcomes.length === 1) {
    await notify(failed.length ? 'Reset failed' : 'Sessions reset', outcomes[0]!.message);
    return;
  }
  const done = outcomes.length - failed.length;
  const title = failed.length
    ? `${done} of ${outcomes.length} members signed out; ${failed.length} failed`
    : `${done} members signed out`;
  await notify(title, (failed.length ? failed : outcomes).map((o) => o.message).join('\n'));
}
