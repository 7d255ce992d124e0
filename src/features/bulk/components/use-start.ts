/** What the bulk page's form does: the list and its options, the question, starting the job. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReplyError } from '../../../core/messaging/reply';
import { ask } from '../../../protocol/pages';
import { t } from '../../../shared/i18n';
import type { DeviceScope } from '../../../shared/scope';
import type { Regions } from '../../../ui/regions';
import type { BulkJobSummary } from '../model';
import type { Preview } from './preview';
import { usePreview } from './use-preview';

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
  // The field is described by the preview, so focus there reads what is wrong.
  const focusUsers = () => document.getElementById('bulk-users')?.focus();
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
      // The preview already says what is wrong with a list that was typed; the alert would
      // say it a second time. Only an empty field has no preview to say it.
      if (counted.members === 0 && text.trim() === '') return regions.alert(t('bulk_noMember'));
      if (counted.members === 0 || counted.tooMany) return focusUsers();
      setAsking({ text, preview: counted });
    },
    cancel: () => {
      setAsking(undefined);
      regions.status(t('common_cancelled'));
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
