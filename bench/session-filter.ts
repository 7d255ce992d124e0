/**
 * Session search in Node: 100,000 made-up sessions read into the page's index, then one
 * combined filter (IP ranges, member text, device text, IP changed) and the grouping of every
 * session, each timed as the median of many runs after a warm-up.
 */
import {
  compileFilters,
  createSessionIndex,
  filterSessions,
  groupMatches,
  type MemberNames,
} from '../src/features/session-search/filter';
import { syntheticSessions } from '../src/features/session-search/synthetic';
import type { Row } from './report';
import { median, round, summary } from './stats';

const SESSIONS = 100_000;
/** The page adds sessions a page of 1,000 at a time, as they arrive. */
const PAGE = 1000;
const WARMUP = 5;
const RUNS = 21;

const FILTERS = {
  ip: '203.0.113.0/24, 10.20.0.0/16, 2001:db8:1::/48, 2001:db8:2::/48',
  member: 'w0syn0',
  device: 'mac',
  ipChanged: true,
  workspace: '',
};

// The page looks names up for the rows in view, so only some are known.
const NAMES: MemberNames = {
  nameOf: (id) => (id.endsWith('7') ? `Member ${id.slice(-4)}` : undefined),
  emailOf: (id) => (id.endsWith('3') ? `${id.toLowerCase()}@example.com` : undefined),
};

function timings(run: () => unknown): number[] {
  for (let i = 0; i < WARMUP; i++) run();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    out.push(performance.now() - started);
  }
  return out;
}

export function measureSessionFiltering(): Row[] {
  const index = createSessionIndex();
  const rows = syntheticSessions(SESSIONS);
  for (let at = 0; at < rows.length; at += PAGE) index.add(rows.slice(at, at + PAGE));
  const compiled = compileFilters(FILTERS, NAMES);
  if (!compiled.ok) throw new Error(compiled.message);
  const found = filterSessions(index, compiled.value).length;
  if (found === 0 || found === SESSIONS) throw new Error(`the filter matched ${found} sessions`);
  const filtering = timings(() => filterSessions(index, compiled.value));

  const all = compileFilters(
    { ...FILTERS, ip: '', member: '', device: '', ipChanged: false },
    NAMES,
  );
  if (!all.ok) throw new Error(all.message);
  const everything = filterSessions(index, all.value);
  const grouping = timings(() => groupMatches(index, everything));

  const runs = `median of ${RUNS} runs after ${WARMUP} untimed`;
  return [
    {
      name: 'session search: filtering 100,000 sessions',
      value: round(median(filtering), 2),
      unit: 'ms',
      budget: { on: 'value', op: '<=', limit: 30 },
      note: `filterSessions over ${SESSIONS.toLocaleString('en')} synthetic sessions with IP ranges, member text, device text and IP changed (${found} match), ${runs}`,
      details: { matches: found, filters: FILTERS, ...summary(filtering) },
    },
    {
      name: 'session search: grouping 100,000 matches',
      value: round(median(grouping), 2),
      unit: 'ms',
      budget: { on: 'value', op: '<=', limit: 30 },
      note: `groupMatches (top IPs, members, clients) of all ${SESSIONS.toLocaleString('en')} sessions, ${runs}; the bound of filter.perf.test.ts`,
      details: summary(grouping),
    },
  ];
}
