/**
 * The few words a control shows inside its own box; the whole sentence is its tooltip and its
 * button's accessible description. Only states and sentences this extension wrote are read.
 */
/** A control's state, as the background (or a refused click) left it. */
export type ControlState =
  | 'idle'
  | 'asking'
  | 'working'
  | 'waiting'
  | 'done'
  | 'failed'
  /** The row says the account is one Slack will not sign out: the button is disabled. */
  | 'unavailable';

const FAILED_AS: [RegExp, string][] = [
  [/moved|covered|changed the button|hid or faded/i, '✕ Not pressed'],
  [/primary owner|bot|not allowed|refuse|cannot|only/i, '✕ Not allowed'],
  [/no member with|not found/i, '✕ Not found'],
  [/token|unlock|passphrase/i, '✕ Token'],
  [/wait|rate/i, '✕ Too many'],
];

export function outcomeWord(state: ControlState, message: string): string {
  switch (state) {
    case 'idle':
      return '';
    case 'asking':
      return '… Confirm';
    case 'working':
      return '… Resetting';
    case 'waiting':
      return '⏳ Waiting';
    case 'done':
      return '✓ Signed out';
    case 'failed':
      return FAILED_AS.find(([pattern]) => pattern.test(message))?.[1] ?? '✕ Failed';
    case 'unavailable':
      return /bot/i.test(message)
        ? '– Bot'
        : /deactivated/i.test(message)
          ? '– Deactivated'
          : '– Primary owner';
  }
}

/**
 * What a row's account-type cell says of an account Slack will not sign out, as the sentence
 * the disabled control gives. A page can only make a control unavailable this way, never
 * make one act.
 */
const UNRESETTABLE: Record<string, string> = {
  bot: 'Bot user: bots have no sessions to sign out, so there is nothing to reset here.',
  'primary owner':
    'Primary owner: Slack lets only the primary owner sign themselves out, so it cannot be reset here.',
  'org primary owner':
    'Primary owner: Slack lets only the primary owner sign themselves out, so it cannot be reset here.',
  deactivated: 'Deactivated account: it has no sessions to end, so there is nothing to reset here.',
};

export function unresettableReason(cellTexts: Iterable<string>): string | undefined {
  for (const text of cellTexts) {
    const reason = UNRESETTABLE[text.trim().toLowerCase()];
    if (reason) return reason;
  }
  return undefined;
}
