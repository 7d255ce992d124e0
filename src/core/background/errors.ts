/** Failures the background reports to a UI: a code and a sentence, never a stack or a token. */

import { t } from '../../shared/i18n';
import { isSlackError, SlackArgumentError } from '../../slack';
import type { ReplyError } from '../messaging/reply';

export class ActionError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly extra: Partial<ReplyError> = {},
  ) {
    super(message);
    this.name = 'ActionError';
  }
}

export function toReplyError(error: unknown): ReplyError {
  if (error instanceof ActionError)
    return { ...error.extra, code: error.code, message: error.message };
  if (error instanceof SlackArgumentError) return { code: error.code, message: error.sentence };
  if (isSlackError(error)) {
    const needed = 'needed' in error && typeof error.needed === 'string' ? error.needed : undefined;
    return { code: error.code, message: error.sentence, ...(needed ? { needed } : {}) };
  }
  // Anything else is our bug: say so plainly, keep details out of the UI.
  console.warn(
    'Unexpected failure in the background:',
    error instanceof Error ? error.name : typeof error,
  );
  return {
    code: 'internal',
    message: t('core_internal'),
  };
}
