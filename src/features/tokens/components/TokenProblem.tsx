/** Replies that say the token is locked or missing, handled alike on every page that asks. */
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import type { ReplyError } from '../../../core/messaging/reply';
import { UnlockPrompt } from './UnlockPrompt';

export interface TokenProblem {
  /** Takes a failed reply's error: true when it was a locked token, now asked about in `prompt`. */
  take: (error: ReplyError) => boolean;
  /** The passphrase prompt while a token is locked; gone once it is unlocked. */
  prompt: VNode | undefined;
}

/**
 * `onUnlocked` runs once the passphrase was taken. `onNoToken` runs for a reply saying no token
 * is saved (any more); that error is still the page's to show.
 */
export function useTokenProblem(on: {
  onUnlocked: () => void;
  onNoToken?: () => void;
}): TokenProblem {
  const [locked, setLocked] = useState<{ tokenId: string; message: string } | undefined>();
  const take = (error: ReplyError) => {
    if (error.code === 'locked' && error.tokenId) {
      setLocked({ tokenId: error.tokenId, message: error.message });
      return true;
    }
    if (error.code === 'no_token') on.onNoToken?.();
    return false;
  };
  const prompt = locked && (
    <UnlockPrompt
      tokenId={locked.tokenId}
      message={locked.message}
      onUnlocked={() => {
        setLocked(undefined);
        on.onUnlocked();
      }}
    />
  );
  return { take, prompt };
}
