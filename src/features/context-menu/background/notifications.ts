/** Browser notifications for actions that have no extension page open to show their outcome. */
import browser from '../../../core/browser';

const ICON = 'icons/icon-128.png';

export async function notify(title: string, message: string): Promise<void> {
  // A browser without the API (or with it switched off) still has the outcome in Activity.
  await browser.notifications
    ?.create({ type: 'basic', iconUrl: browser.runtime.getURL(ICON), title, message })
    // Notifications may be switched off for the browser; the outcome is in Activity anyway.
    .catch(() => undefined);
}

/** One line per member, each naming them: a title alone cannot say who is still signed in. */
export async function notifyOutcomes(
  outcomes: { ok: boolean; message: string; notSent?: boolean }[],
): Promise<void> {
  if (outcomes.length === 0) return;
  const notSent = outcomes.filter((o) => o.notSent).length;
  const failed = outcomes.filter((o) => !o.ok && !o.notSent).length;
  const done = outcomes.length - failed - notSent;
  if (outcomes.length === 1) {
    const title = done ? 'Signed out of Slack' : notSent ? 'Not sent' : 'Sign-out failed';
    await notify(title, outcomes[0]!.message);
    return;
  }
  const parts = [`${done} of ${outcomes.length} members signed out`];
  if (failed) parts.push(`${failed} failed`);
  if (notSent) parts.push(`${notSent} not sent`);
  // Those still signed in first: the lines a notification can show are few.
  const lines = [...outcomes.filter((o) => !o.ok), ...outcomes.filter((o) => o.ok)];
  await notify(parts.join('; '), lines.map((o) => o.message).join('\n'));
}
