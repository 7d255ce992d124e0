/**
 * One row per member of a job, drawn only where the scroll box shows it (virtual-rows.tsx).
 */
import { t } from '../../../shared/i18n';
import { Spacer, useRowWindow } from '../../../ui/virtual-rows';
import type { BulkTargetView } from '../model';
import { TARGET_STATE_LABEL } from '../model';
import { amount, members } from './words';

/** Pixels; bulk.css gives rows this height. */
export const ROW_HEIGHT = 48;
/** The scroll box's height at most, in pixels. */
const VIEW_HEIGHT = 480;
/** Rows drawn beyond each edge of the view. */
const MARGIN = 10;
const SIZE = { rowHeight: ROW_HEIGHT, viewHeight: VIEW_HEIGHT, margin: MARGIN };

/** Who a row is about, as Slack named them or as the admin wrote them. */
function who(target: BulkTargetView): { first: string; more: string } {
  const first = target.name ?? target.userId ?? target.email ?? target.given;
  const more = [target.userId, target.email, target.given].filter(
    (part, i, all): part is string => !!part && part !== first && all.indexOf(part) === i,
  );
  return { first, more: more.join(' · ') };
}

function ResultRow({ target, index }: { target: BulkTargetView; index: number }) {
  const { first, more } = who(target);
  return (
    <tr class={`result state-${target.state}`} aria-rowindex={index + 2}>
      <td>
        <div class="line">{first}</div>
        {more && <div class="line hint">{more}</div>}
      </td>
      <td>{TARGET_STATE_LABEL[target.state]}</td>
      <td>
        <div class="clamp" title={target.message}>
          {target.message}
        </div>
      </td>
    </tr>
  );
}

export function ResultsTable({ targets }: { targets: BulkTargetView[] }) {
  const total = targets.length;
  const { first, end, onScroll } = useRowWindow(total, SIZE);
  const shown = targets.slice(first, end);

  return (
    <section class="results" aria-labelledby="results-heading">
      <h3 id="results-heading">{t('bulk_resultsHeading', members(total))}</h3>
      {total > end - first && <p class="hint">{t('bulk_resultsHint', amount(total))}</p>}
      {/* Browsers let the keyboard focus and scroll a scroll box with nothing focusable in it. */}
      <div class="results-scroll" onScroll={onScroll}>
        <table aria-rowcount={total + 1}>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">{t('bulk_columnMember')}</th>
              <th scope="col">{t('bulk_columnOutcome')}</th>
              <th scope="col">{t('bulk_columnDetails')}</th>
            </tr>
          </thead>
          <Spacer rows={first} rowHeight={ROW_HEIGHT} columns={3} />
          <tbody>
            {shown.map((target, i) => (
              // Keyed by place in the window: scrolling rewrites rows already drawn.
              <ResultRow key={i} target={target} index={first + i} />
            ))}
          </tbody>
          <Spacer rows={total - end} rowHeight={ROW_HEIGHT} columns={3} />
        </table>
      </div>
    </section>
  );
}
