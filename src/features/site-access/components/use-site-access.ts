/**
 * Which of a page's hosts the browser withholds, kept fresh as access is granted or withdrawn,
 * and the action it interrupted, which goes on once access is back.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReplyError } from '../../../core/messaging/reply';
import { onAccessChanged, requestAccess, withheldOrigins } from '../access';

/** The browser's question: open, or answered no. */
export type Asking = 'asked' | 'declined' | undefined;

export interface SiteAccess {
  /** The withheld patterns; undefined until the browser answered. */
  missing: string[] | undefined;
  asking: Asking;
  /** Counts the actions stopped for want of access, so the page can move focus to Grant access. */
  stops: number;
  /**
   * Before an action that needs the hosts: true when they are all granted. When not, the
   * action counts as interrupted: `onGranted` runs once access is granted.
   */
  ensure: () => Promise<boolean>;
  /** A reply saying the background found a host withheld: true when it was that. */
  take: (error: ReplyError) => boolean;
  /** Grant access's click handler: asks the browser at once, within the click. */
  grant: () => void;
}

export function useSiteAccess(
  origins: readonly string[],
  on: { onGranted?: () => void } = {},
): SiteAccess {
  const [missing, setMissing] = useState<string[] | undefined>();
  const [asking, setAsking] = useState<Asking>();
  const [stops, setStops] = useState(0);
  const interrupted = useRef(false);
  const interrupt = () => {
    interrupted.current = true;
    setAsking(undefined);
    setStops((n) => n + 1);
  };
  // The listeners outlive renders: they read the latest hosts and callback from here.
  const latest = useRef({ origins, on });
  latest.current = { origins, on };

  const check = async (): Promise<string[]> => {
    const wanted = latest.current.origins.join(' ');
    const withheld = await withheldOrigins(latest.current.origins);
    // A check for hosts the page no longer needs (another Slack was chosen) is not the answer.
    if (latest.current.origins.join(' ') === wanted) setMissing(withheld);
    return withheld;
  };

  const recheck = async () => {
    const withheld = await check();
    if (withheld.length > 0) return;
    setAsking(undefined);
    if (!interrupted.current) return;
    interrupted.current = false;
    latest.current.on.onGranted?.();
  };

  const key = origins.join(' ');
  useEffect(() => {
    void check();
    return onAccessChanged(() => void recheck());
  }, [key]);

  return {
    missing,
    asking,
    stops,
    ensure: async () => {
      const withheld = await check();
      if (withheld.length === 0) return true;
      interrupt();
      return false;
    },
    take: (error) => {
      if (error.code !== 'no_site_access') return false;
      interrupt();
      void check();
      return true;
    },
    grant: () => {
      // No await before this line: the browser asks only inside the click.
      const answer = requestAccess(missing && missing.length > 0 ? missing : origins);
      setAsking('asked');
      answer.then(
        (granted) => (granted ? void recheck() : setAsking('declined')),
        () => setAsking('declined'),
      );
    },
  };
}
