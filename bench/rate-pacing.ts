/**
 * Rate pacing: with admin.users.session.reset limited to 20 a second (Slack's Tier 2, 20 a
 * minute, scaled to a second), an extension page asks for 200 resets of distinct members at
 * once. Reports the wall time against the least the limit allows, failed replies, members
 * reset more than once, and how many requests reached the fake (429s included).
 */
import type { FakeSlack } from '../test/fake-slack';
import { rateWindows } from './rate-windows';
import type { Row } from './report';
import type { BenchSession } from './session';
import { round } from './stats';

const RESET = 'admin.users.session.reset';
const COUNT = 200;
const LIMIT = 20;
const WINDOW_MS = 1000;

interface ReplySummary {
  ok: boolean;
  code?: string;
}

export async function measureRatePacing(
  session: BenchSession,
  fake: FakeSlack,
  pagePath: string,
  members: readonly string[],
): Promise<Row[]> {
  if (members.length !== COUNT || new Set(members).size !== COUNT) {
    throw new Error(`rate pacing needs ${COUNT} distinct members`);
  }
  const page = await session.open(pagePath);
  try {
    const from = fake.requests.length;
    fake.setRateLimit(RESET, LIMIT, WINDOW_MS);
    const nodeStart = Date.now();
    const result = await page.evaluate(async (ids) => {
      // The popup's resets carry the org they were shown for.
      const { value } = await chrome.runtime.sendMessage({ type: 'ui/tokens/list' });
      const tokenId = value.activeId;
      const t0 = performance.now();
      const replies = (await Promise.all(
        ids.map((userId) =>
          chrome.runtime.sendMessage({
            type: 'ui/sessions/reset',
            userId,
            tokenId,
            scope: 'all',
            source: 'popup',
          }),
        ),
      )) as ({ ok?: boolean; error?: { code?: string } } | undefined)[];
      return {
        wallMs: performance.now() - t0,
        replies: replies.map((r) => ({ ok: r?.ok === true, code: r?.error?.code })),
      };
    }, members);
    const nodeWallMs = Date.now() - nodeStart;
    fake.clearRateLimits();

    const wanted = new Set(members);
    const requests = fake.requests
      .slice(from)
      .filter((r) => r.method === RESET && wanted.has(r.params.user_id ?? ''));
    const successes = new Map<string, number>();
    for (const r of requests) {
      const ok = r.status === 200 && (r.response as { ok?: boolean } | null)?.ok === true;
      if (ok) successes.set(r.params.user_id!, (successes.get(r.params.user_id!) ?? 0) + 1);
    }
    const duplicates = [...successes.values()].filter((n) => n > 1).length;
    const replies: ReplySummary[] = result.replies;
    const failed = replies.filter((r) => !r.ok);
    const codes: Record<string, number> = {};
    for (const r of failed) codes[r.code ?? 'none'] = (codes[r.code ?? 'none'] ?? 0) + 1;
    const rateLimited = requests.filter((r) => r.status === 429).length;
    const minimumMs = (Math.ceil(COUNT / LIMIT) - 1) * WINDOW_MS;
    const firstAt = requests[0]?.at ?? nodeStart;
    const okTimes = requests
      .filter((r) => r.status === 200)
      .map((r) => r.at - firstAt)
      .sort((a, b) => a - b);
    const perSecond: number[] = [];
    for (const t of okTimes) {
      const slot = Math.floor(t / WINDOW_MS);
      perSecond[slot] = (perSecond[slot] ?? 0) + 1;
    }
    const timeline = rateWindows(requests, WINDOW_MS);
    const details = {
      windows: timeline.windows.length,
      medianWindowCycleMs: timeline.medianCycleMs,
      medianFillMs: timeline.medianFillMs,
      medianHoldAfter429Ms: timeline.medianHoldMs,
      windowTimeline: timeline.windows,
      replies: COUNT,
      okReplies: COUNT - failed.length,
      failureCodes: codes,
      membersResetOk: successes.size,
      requestsSent: requests.length,
      rateLimited429: rateLimited,
      successesPerSecondFromFirstRequest: Array.from(perSecond, (n) => n ?? 0),
      lastSuccessAfterFirstRequestMs: okTimes.at(-1) ?? null,
      nodeWallMs,
    };
    const incomplete =
      failed.length > 0
        ? `only ${COUNT - failed.length} of ${COUNT} resets succeeded, so this is not the time for all ${COUNT};`
        : undefined;
    return [
      {
        name: `Rate pacing: ${COUNT} resets, wall time`,
        value: result.wallMs,
        unit: 'ms',
        baseline: { label: 'minimum', value: minimumMs, unit: 'ms' },
        ratio: result.wallMs / minimumMs,
        budget: { on: 'ratio', op: '<=', limit: 1.05 },
        ...(incomplete ? { forceFail: incomplete } : {}),
        note: `in-page time for Promise.all of ${COUNT} ui/sessions/reset messages with ${RESET} limited to ${LIMIT}/${WINDOW_MS} ms, minimum (ceil(${COUNT}/${LIMIT}) − 1) × ${WINDOW_MS} ms; the fake's ${timeline.windows.length} windows opened every ${timeline.medianCycleMs} ms (median): ${timeline.medianFillMs} ms to pass ${LIMIT} requests, then ${timeline.medianHoldMs} ms from the first 429 to the next window`,
        details,
      },
      {
        name: 'Rate pacing: failed replies',
        value: failed.length,
        unit: 'count',
        budget: { on: 'value', op: '<=', limit: 0 },
        note: `replies with ok:false among ${COUNT}: ${JSON.stringify(codes)}; ${rateLimited} of ${requests.length} requests got 429`,
      },
      {
        name: 'Rate pacing: members reset twice',
        value: duplicates,
        unit: 'count',
        budget: { on: 'value', op: '<=', limit: 0 },
        note: 'members with more than one successful reset request at the fake',
      },
      {
        name: 'Rate pacing: requests sent',
        value: requests.length,
        unit: 'count',
        note: `${RESET} requests the fake received for these members, 429s included (${rateLimited})`,
        details: { rateLimited429: rateLimited, wallMsRounded: round(result.wallMs) },
      },
    ];
  } finally {
    fake.clearRateLimits();
    await page.close();
  }
}
