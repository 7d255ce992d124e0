/**
 * A translated sentence with markup inside it ("<strong>Ada</strong> will be signed out…"):
 * each element takes its placeholder's place, wherever the language puts it.
 */
import type { ComponentChildren } from 'preact';
import { Fragment } from 'preact';
import { type MessageKey, t } from '../shared/i18n';

const MARK = '\u0001';

export function Rich({ id, values }: { id: MessageKey; values: ComponentChildren[] }) {
  const text = t(
    id,
    ...values.map((value, index) =>
      // Text (a name Slack gave, a page's title) can never pose as a placeholder's mark.
      typeof value === 'string'
        ? value.replaceAll(MARK, '')
        : typeof value === 'number'
          ? value
          : `${MARK}${index}${MARK}`,
    ),
  );
  const pieces = text.split(MARK);
  // Odd pieces are the indexes of the elements put back.
  return (
    <>
      {pieces.map((piece, i) =>
        i % 2 === 1 ? <Fragment key={i}>{values[Number(piece)]}</Fragment> : piece,
      )}
    </>
  );
}
