/** What the page understood of the Users text: members, merged duplicates, look-ups, refusals. */
import { clip } from '../../../shared/format';
import { MAX_BULK_MEMBERS } from '../model';
import type { Preview } from './preview';
import { amount, members } from './words';

export function InputPreview({ preview }: { preview: Preview | undefined }) {
  if (!preview) return null;
  const more = preview.refusedCount - preview.refused.length;
  return (
    <section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading" class="visually-hidden">
        Preview
      </h2>
      <ul id="bulk-preview-counts" aria-live="polite" class="preview-counts">
        <li>
          <strong>{members(preview.members)}</strong> understood.
        </li>
        {preview.duplicates > 0 && (
          <li>
            {amount(preview.duplicates)} {preview.duplicates === 1 ? 'duplicate' : 'duplicates'}{' '}
            merged.
          </li>
        )}
        {preview.emails > 0 && (
          <li>
            {amount(preview.emails)} e-mail {preview.emails === 1 ? 'address' : 'addresses'} to look
            up in Slack first.
          </li>
        )}
        {preview.headerSkipped && <li>The first line is a header: it was skipped.</li>}
        {preview.tooMany && (
          <li class="warning">
            One job takes at most {amount(MAX_BULK_MEMBERS)} members: split the list.
          </li>
        )}
      </ul>
      {preview.refusedCount > 0 && (
        <>
          <h3 id="refused-heading">
            {amount(preview.refusedCount)} {preview.refusedCount === 1 ? 'line' : 'lines'} not
            understood (left out)
          </h3>
          <ul class="refused" aria-labelledby="refused-heading">
            {preview.refused.map((r) => (
              <li key={r.line}>
                Line {amount(r.line)}: “{clip(r.text, 80)}”: {r.reason}
              </li>
            ))}
          </ul>
          {more > 0 && (
            <p class="hint">
              And {amount(more)} more {more === 1 ? 'line' : 'lines'} not understood.
            </p>
          )}
        </>
      )}
    </section>
  );
}
