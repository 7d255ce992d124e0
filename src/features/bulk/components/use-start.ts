/** What the bulk page's form does: the list and its options, the question, starting the job. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReplyError } from '../../../core/messaging/reply';
import { ask } from '../../../protocol/pages';
import type { DeviceScope } from '../../../shared/scope';
import type { Regions } from '../../../ui/regions';
import { type BulkJobSummary, MAX_BULK_MEMBERS } from '../model';
import type { Preview } from './preview';
import { usePreview } from './use-preview';
import { amount } from './words';

export function useStart(on: {
  regions: Regions;
  onError: (error: ReplyError) => void;
  onStarted: (job: BulkJobSummary) => void;
}) {
  const [text, setText] = useState('');
  const [scope, setScope] = useState<DeviceScope>('all');
  // The saved default applies only until the admin picks a scope themselves.
  const scopeChosen = useRef(false);
  const [oneByOne, setOneByOne] = useState(false);
  const [reason, setReason] = useState('');
  /** The list the question is about, exactly as it was counted. */
  const [asking, setAsking] = useState<{ text: string; preview: Preview } | undefined>();
  const [sending, setSending] = useState(false);
  const startButton = useRef<HTMLButtonElement>(null);
  // Counted up where the question goes away: the Start button takes the focus once drawn again.
  const [refocus, setRefocus] = useState(0);
  useEffect(() => {
    if (refocus) startButton.current?.focus();
  }, [refocus]);
  const live = usePreview(text);
  const { regions } = on;
  const { preview } = live;

  return {
    text,
    scope,
    oneByOne,
    reason,
    preview,
    asking,
    startButton,
    canStart: !sending && !asking && !!preview && preview.members > 0 && !preview.tooMany,
    // Changing the list withdraws a question about the list as it was.
    edit: (changed: string) => {
      setText(changed);
      setAsking(undefined);
    },
    /** Withdraws the question without a word (another org was chosen). */
    withdraw: () => setAsking(undefined),
    chooseScope: (chosen: DeviceScope) => {
      scopeChosen.current = true;
      setScope(chosen);
    },
    offerScope: (preferred: DeviceScope) => {
      if (!scopeChosen.current) setScope(preferred);
    },
    setOneByOne,
    setReason,
    start: async (event: Event) => {
      event.preventDefault();
      regions.clear();
      const counted = await live.settle();
      if (counted.members === 0)
        return regions.alert('No member is named in Users: nothing to reset.');
      if (counted.tooMany)
        return regions.alert(
          `One job takes at most ${amount(MAX_BULK_MEMBERS)} members. Split the list.`,
        );
      setAsking({ text, preview: counted });
    },
    cancel: () => {
      setAsking(undefined);
      regions.status('Cancelled. Nothing was sent to Slack.');
      setRefocus((n) => n + 1);
    },
    confirm: async (tokenId: string) => {
      if (!asking) return;
      setAsking(undefined);
      setSending(true);
      const reply = await ask('ui/bulk/start', {
        input: asking.text,
        scope,
        reason: reason.trim() || undefined,
        tokenId,
        oneByOne,
      });
      setSending(false);
      setRefocus((n) => n + 1);
      if (!reply.ok) return on.onError(reply.error);
      on.onStarted(reply.value);
    },
  };
}

export type StartFlow = ReturnType<typeof useStart>;
