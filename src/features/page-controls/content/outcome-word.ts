/**
 * The few words a control shows inside its own box; the whole sentence is its tooltip and its
 * button's accessible description. Only states and sentences this extension wrote are read.
 */
import { type MessageKey, t } from '../../../shared/i18n';
import type { FailureKind, UnavailableKind } from '../model';

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

const FAILED_WORD: Record<FailureKind, MessageKey> = {
  'not-pressed': 'page_wordNotPressed',
  'not-allowed': 'page_wordNotAllowed',
  'not-found': 'page_wordNotFound',
  token: 'page_wordToken',
  wait: 'page_wordTooMany',
  other: 'page_wordFailed',
};

const UNAVAILABLE_WORD: Record<UnavailableKind, MessageKey> = {
  bot: 'page_wordBot',
  'primary-owner': 'page_wordPrimaryOwner',
  deactivated: 'page_wordDeactivated',
};

/** What the short word needs beyond the state: why it failed, or which account it is. */
export interface OutcomeDetail {
  why?: FailureKind;
  account?: UnavailableKind;
}

export function outcomeWord(state: ControlState, detail: OutcomeDetail = {}): string {
  switch (state) {
    case 'idle':
      return '';
    case 'asking':
      return t('page_wordConfirm');
    case 'working':
      return t('page_wordResetting');
    case 'waiting':
      return t('page_wordWaiting');
    case 'done':
      return t('page_wordSignedOut');
    case 'failed':
      return t(FAILED_WORD[detail.why ?? 'other']);
    case 'unavailable':
      return t(UNAVAILABLE_WORD[detail.account ?? 'primary-owner']);
  }
}

/**
 * What a row's account-type cell says of an account Slack will not sign out (in Slack's own
 * words on the page), and the sentence the disabled control gives. A page can only make a
 * control unavailable this way, never make one act.
 */
const UNRESETTABLE: Record<string, UnavailableKind> = {
  bot: 'bot',
  'primary owner': 'primary-owner',
  'org primary owner': 'primary-owner',
  deactivated: 'deactivated',
};

const UNAVAILABLE_REASON: Record<UnavailableKind, MessageKey> = {
  bot: 'page_unavailableBot',
  'primary-owner': 'page_unavailablePrimaryOwner',
  deactivated: 'page_unavailableDeactivated',
};

export function unresettableAccount(
  cellTexts: Iterable<string>,
): { account: UnavailableKind; reason: string } | undefined {
  for (const text of cellTexts) {
    const account = UNRESETTABLE[text.trim().toLowerCase()];
    if (account) return { account, reason: t(UNAVAILABLE_REASON[account]) };
  }
  return undefined;
}
