/**
 * The Sessions page's requests: one page of the org's sessions at a time (the page drives the
 * load, so "Stop loading" simply asks for no further page), names for the rows in view, and
 * jobs of the bulk runner that end the matching sessions or sign the matching members out.
 */
import { accessAsShown } from '../../../core/background/access-as-shown';
import { ActionError } from '../../../core/background/errors';
import type { HandlersFor } from '../../../core/background/router';
import browser from '../../../core/browser';
import { notifyPages } from '../../../protocol/background';
import { t } from '../../../shared/i18n';
import { MAX_SESSIONS_PAGE } from '../../../slack';
import { newJob } from '../../bulk/background/create-job';
import { saveJob, summaryOf } from '../../bulk/background/jobs';
import { sendPaced } from '../../bulk/background/step';
import { bulkRunner } from '../../bulk/background/worker-runner';
import { describeMember } from '../../members/background/members';
import type { sessionSearchRequests } from '../messages';
import { sessionKey } from '../model';
import { toSessionRow } from './rows';

const KEEP_AWAKE_MS = 20_000;

export const sessionSearchHandlers: HandlersFor<typeof sessionSearchRequests> = {
  'ui/session-search/page': async ({ tokenId, cursor }) => {
    const waiting = (seconds: number) =>
      notifyPages('bg-to-pages/session-search/waiting', { tokenId, seconds });
    const access = await accessAsShown(tokenId, {
      onRateLimited: ({ retryAfterSeconds }) => waiting(retryAfterSeconds),
    });
    // Tier 2: the rate gate paces the pages; a long Retry-After is waited out here, with a
    // cheap extension call now and then so the worker is not stopped as idle meanwhile.
    const awake = setInterval(() => void browser.runtime.getPlatformInfo(), KEEP_AWAKE_MS);
    const page = await sendPaced(
      () => access.client.listSessions({ limit: MAX_SESSIONS_PAGE, cursor }),
      waiting,
    ).finally(() => clearInterval(awake));
    return {
      sessions: page.sessions.map(toSessionRow),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      skipped: page.skipped ?? 0,
    };
  },

  'ui/session-search/invalidate': async ({ tokenId, sessions, reason }) => {
    if (sessions.length === 0) throw new ActionError('invalid_input', t('search_noSessionMatches'));
    const access = await accessAsShown(tokenId);
    const seen = new Set<string>();
    const unique = sessions.filter((s) => !seen.has(sessionKey(s)) && seen.add(sessionKey(s)));
    const job = newJob(
      access,
      {
        engine: 'invalidate',
        source: 'session-search',
        scope: 'all',
        reason,
        targets: unique.map((s) => ({
          ref: { kind: 'id', userId: s.userId },
          given: s.userId,
          userId: s.userId,
          sessionId: s.sessionId,
          teamId: s.teamId,
          state: 'pending',
        })),
      },
      Date.now(),
    );
    await saveJob(job);
    await bulkRunner.kick();
    return summaryOf(job);
  },

  'ui/session-search/reset': async ({ tokenId, userIds, reason }) => {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) throw new ActionError('invalid_input', t('search_noMemberMatches'));
    const access = await accessAsShown(tokenId);
    const job = newJob(
      access,
      {
        engine: 'bulk',
        source: 'session-search',
        scope: 'all',
        reason,
        targets: unique.map((userId) => ({
          ref: { kind: 'id', userId },
          given: userId,
          userId,
          state: 'pending',
        })),
      },
      Date.now(),
    );
    await saveJob(job);
    await bulkRunner.kick();
    return summaryOf(job);
  },

  'ui/session-search/names': async ({ tokenId, userIds }) => {
    const access = await accessAsShown(tokenId);
    // describeMember never fails: a member Slack will not name stays a bare ID.
    const members = await Promise.all(
      userIds.map((userId) => describeMember(access.client, access.org.teamId, userId)),
    );
    return {
      members: members.map(({ userId, name, email }) => ({
        userId,
        ...(name ? { name } : {}),
        ...(email ? { email } : {}),
      })),
    };
  },
};
