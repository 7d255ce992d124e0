/**
 * Content script for Slack's admin pages. It finds members and places a "Reset sessions"
 * control beside each. It never reads storage, never sees a token and never calls Slack: a
 * trusted click only asks the background to open the extension's own confirmation window.
 */
import type { NoticesToContent } from '../../../protocol';
import { askFromPage, onNoticeToContent } from '../../../protocol/content';
import { t } from '../../../shared/i18n';
import type { UserId } from '../../../shared/ids';
import { failureKindOf } from '../model';
import { type ControlState, rememberOutcome, setControlState, whenControlClicked } from './control';
import { Placer } from './placer';

// User Timing marks cost next to nothing and let anyone see this script's cost in DevTools.
performance.mark('session-admin:content-start');

async function askToReset(userId: UserId, host: HTMLElement): Promise<void> {
  setControlState(host, 'asking', t('page_confirmInWindow'));
  const reply = await askFromPage('content/reset/ask', { userId });
  if (!reply.ok)
    setControlState(host, 'failed', reply.error.message, {
      why: failureKindOf(reply.error.code),
    });
}

type Progress = NoticesToContent['bg-to-content/reset/progress'];

const STATE_OF: Record<Progress['state'], ControlState> = {
  working: 'working',
  waiting: 'waiting',
  done: 'done',
  failed: 'failed',
  cancelled: 'idle',
};

onNoticeToContent('bg-to-content/reset/progress', (notice) => {
  // This script's own controls for the member, whatever the page wrote on any element; and
  // those drawn later for them, for the life of the page.
  rememberOutcome(
    notice.userId,
    STATE_OF[notice.state],
    notice.state === 'cancelled' ? '' : notice.message,
    { why: notice.why },
  );
});

whenControlClicked(askToReset);
const placer = new Placer();
void placer.start();
void askFromPage('content/config/get', {}).then((reply) => {
  if (!reply.ok) return;
  // An organization that names its admin hosts left this one out.
  if (!reply.value.placeControls) return placer.stop();
  if (reply.value.extraMemberSelectors.length > 0)
    placer.setExtraSelectors(reply.value.extraMemberSelectors);
});
