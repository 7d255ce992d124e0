/**
 * Tables that draw only the rows their scroll box shows (plus a margin), so 100,000 rows keep a
 * few dozen in the page. Rows have one fixed height; spacers hold the place of the others.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export interface RowWindow {
  first: number;
  end: number;
  /** For the scroll box: re-renders once a frame at most. */
  onScroll: (event: Event) => void;
}

export function useRowWindow(
  total: number,
  size: { rowHeight: number; viewHeight: number; margin: number },
): RowWindow {
  const [top, setTop] = useState(0);
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  const first = Math.min(Math.max(0, Math.floor(top / size.rowHeight) - size.margin), total);
  const end = Math.min(total, Math.ceil((top + size.viewHeight) / size.rowHeight) + size.margin);
  const onScroll = (event: Event) => {
    const box = event.currentTarget as HTMLElement;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setTop(box.scrollTop));
  };
  return { first, end, onScroll };
}

/** Holds the place of rows not drawn, so the scroll box keeps the whole list's height. */
export function Spacer(props: { rows: number; rowHeight: number; columns: number }) {
  if (props.rows <= 0) return null;
  return (
    <tbody class="spacer" aria-hidden="true">
      <tr style={{ height: `${props.rows * props.rowHeight}px` }}>
        <td colSpan={props.columns} />
      </tr>
    </tbody>
  );
}
