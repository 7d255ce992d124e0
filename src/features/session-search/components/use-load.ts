/**
 * Loading every active session of the org, a page at a time. The page asks for each next page
 * itself, so "Stop loading" means no further page is asked for; the one on its way is kept.
 * Sessions live in this page's memory only.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReplyError } from '../../../core/messaging/reply';
import { ask, onNoticeToPages } from '../../../protocol/pages';
import { createSessionIndex, type SessionIndex } from '../filter';
import { sessionKey } from '../model';

export type LoadPhase = 'idle' | 'loading' | 'stopping' | 'done' | 'stopped' | 'failed';

export interface LoadProgress {
  phase: LoadPhase;
  pages: number;
  sessions: number;
  /** Items Slack sent that name no session or member: left out. */
  skipped: number;
  /** When the last page arrived (ISO). */
  loadedAt?: string;
  /** While Slack asks to wait: until when (ms since the epoch). */
  waitUntil?: number;
  /** The org the sessions are of. */
  tokenId?: string;
}

const IDLE: LoadProgress = { phase: 'idle', pages: 0, sessions: 0, skipped: 0 };

export function useSessionLoad(onError: (error: ReplyError) => void) {
  const [progress, setProgress] = useState<LoadProgress>(IDLE);
  const index = useRef<SessionIndex>(createSessionIndex());
  // Each load has a number: the replies of an abandoned one are dropped.
  const run = useRef(0);
  const stopAsked = useRef(false);
  const live = useRef({ onError, tokenId: undefined as string | undefined });
  live.current.onError = onError;

  useEffect(
    () =>
      onNoticeToPages('bg-to-pages/session-search/waiting', ({ tokenId, seconds }) => {
        if (tokenId !== live.current.tokenId) return;
        setProgress((p) =>
          p.phase === 'loading' || p.phase === 'stopping'
            ? { ...p, waitUntil: Date.now() + seconds * 1000 }
            : p,
        );
      }),
    [],
  );

  const load = async (tokenId: string) => {
    const mine = ++run.current;
    stopAsked.current = false;
    live.current.tokenId = tokenId;
    index.current = createSessionIndex();
    const keys = new Set<string>();
    const seenCursors = new Set<string>();
    let { pages, sessions, skipped } = { pages: 0, sessions: 0, skipped: 0 };
    setProgress({ ...IDLE, phase: 'loading', tokenId });
    let cursor: string | undefined;
    for (;;) {
      const reply = await ask('ui/session-search/page', cursor ? { tokenId, cursor } : { tokenId });
      if (mine !== run.current) return;
      if (!reply.ok) {
        setProgress((p) => ({ ...p, phase: 'failed', waitUntil: undefined }));
        live.current.onError(reply.error);
        return;
      }
      // A session seen on an earlier page (Slack's list moved under the cursor) is kept once.
      const fresh = reply.value.sessions.filter((s) => {
        const key = sessionKey(s);
        return !keys.has(key) && !!keys.add(key);
      });
      index.current.add(fresh);
      pages += 1;
      sessions += fresh.length;
      skipped += reply.value.skipped;
      const next = reply.value.nextCursor;
      // A cursor seen before would page forever: what arrived is the whole list.
      const last = !next || seenCursors.has(next);
      const phase: LoadPhase = last ? 'done' : stopAsked.current ? 'stopped' : 'loading';
      setProgress({ phase, pages, sessions, skipped, tokenId, loadedAt: new Date().toISOString() });
      if (phase !== 'loading' || !next) return;
      seenCursors.add(next);
      cursor = next;
    }
  };

  return {
    progress,
    /** The loaded sessions: it grows with every page (`progress.sessions` says how far). */
    index: index.current,
    load: (tokenId: string) => void load(tokenId),
    stop: () => {
      stopAsked.current = true;
      setProgress((p) => (p.phase === 'loading' ? { ...p, phase: 'stopping' } : p));
    },
    /** Forgets the sessions (another org became active). */
    forget: () => {
      run.current += 1;
      live.current.tokenId = undefined;
      index.current = createSessionIndex();
      setProgress(IDLE);
    },
  };
}
