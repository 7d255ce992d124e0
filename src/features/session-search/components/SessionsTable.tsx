/**
 * The matching sessions, drawn only where the scroll box shows them (virtual-rows.tsx); rows
 * have one fixed height (sessions.css).
 */
import { useEffect } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import type { UserId } from '../../../shared/ids';
import { Spacer, useRowWindow } from '../../../ui/virtual-rows';
import type { SessionIndex } from '../filter';
import type { KnownMember } from '../messages';
import type { DeviceView, SessionRow } from '../model';

export const ROW_HEIGHT = 34;
const VIEW_HEIGHT = 476;
const MARGIN = 4;
const COLUMNS = 8;
const SIZE = { rowHeight: ROW_HEIGHT, viewHeight: VIEW_HEIGHT, margin: MARGIN };

/** How a session's end (or its member's reset) went, as the table shows it. */
export interface RowOutcome {
  label: string;
  message?: string;
}

const UNKNOWN = t('search_unknown');

function device(d: DeviceView | undefined): string {
  return d?.deviceHardware ?? UNKNOWN;
}
function os(d: DeviceView | undefined): string {
  if (!d?.os) return UNKNOWN;
  return d.osVersion ? `${d.os} ${d.osVersion}` : d.os;
}

function SessionLine(props: {
  row: SessionRow;
  index: number;
  member?: KnownMember;
  outcome?: RowOutcome;
}) {
  const { row, member, outcome } = props;
  // Slack reports the device at sign-in and at last use: the latest known is shown.
  const now = row.recent ?? row.created;
  const moved = row.created?.ip && row.recent?.ip && row.created.ip !== row.recent.ip;
  return (
    <tr aria-rowindex={props.index + 2}>
      <td>
        <div class="line">{member?.name ?? row.userId}</div>
        <div class="line hint">{member?.name ? row.userId : (member?.email ?? '')}</div>
      </td>
      <td>{row.teamId || UNKNOWN}</td>
      <td>{device(now)}</td>
      <td>{os(now)}</td>
      <td>{now?.slackClientVersion ?? UNKNOWN}</td>
      <td>{row.created?.ip ?? UNKNOWN}</td>
      <td class={moved ? 'moved' : undefined}>{row.recent?.ip ?? UNKNOWN}</td>
      <td>
        <div class="clamp" title={outcome?.message}>
          {outcome?.label ?? ''}
        </div>
      </td>
    </tr>
  );
}

export function SessionsTable(props: {
  index: SessionIndex;
  matches: Uint32Array;
  known: ReadonlyMap<string, KnownMember>;
  outcomeOf: (row: SessionRow) => RowOutcome | undefined;
  /** The members of the rows drawn, to look their names up. */
  onInView: (userIds: UserId[]) => void;
}) {
  const { index, matches } = props;
  const total = matches.length;
  const { first, end, onScroll } = useRowWindow(total, SIZE);
  const shown: SessionRow[] = [];
  for (let i = first; i < end; i++) shown.push(index.rows[matches[i]!]!);

  const inViewKey = shown.map((r) => r.userId).join(' ');
  useEffect(() => {
    if (shown.length > 0) props.onInView([...new Set(shown.map((r) => r.userId))]);
  }, [inViewKey]);

  return (
    <div class="sessions-scroll" onScroll={onScroll}>
      <table aria-label={t('search_matchingSessions')} aria-rowcount={total + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">{t('bulk_columnMember')}</th>
            <th scope="col">{t('search_columnWorkspace')}</th>
            <th scope="col">{t('search_columnDevice')}</th>
            <th scope="col">{t('search_columnOs')}</th>
            <th scope="col">{t('search_columnClient')}</th>
            <th scope="col">{t('search_columnIpAtSignIn')}</th>
            <th scope="col">{t('search_columnIpNow')}</th>
            <th scope="col">{t('bulk_columnOutcome')}</th>
          </tr>
        </thead>
        <Spacer rows={first} rowHeight={ROW_HEIGHT} columns={COLUMNS} />
        <tbody>
          {shown.map((row, i) => (
            <SessionLine
              // Keyed by place in the window: scrolling rewrites the text of rows already
              // drawn instead of building new ones, which took half of a scroll frame.
              key={i}
              row={row}
              index={first + i}
              member={props.known.get(row.userId)}
              outcome={props.outcomeOf(row)}
            />
          ))}
        </tbody>
        <Spacer rows={total - end} rowHeight={ROW_HEIGHT} columns={COLUMNS} />
      </table>
    </div>
  );
}
