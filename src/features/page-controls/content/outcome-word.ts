/**
 * The few words a control shows inside its own box; the whole sentence is its tooltip and its
 * button's accessible description. Only states and sentences this extension wrote are read.
 */
/** A control's state, as the background (or a refused click) left it. */
export type ControlState = 'idle' | 'asking' | 'working' | 'waiting' | 'done' | 'failed';

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
  }
}
