/** What the page understood of the Users text: members, merged duplicates, look-ups, refusals. */
import { clip } from '../../../shared/format';
import { t } from '../../../shared/i18n';
import { Rich } from '../../../ui/rich';
import { MAX_BULK_MEMBERS } from '../model';
import type { Preview } from './preview';
import { amount, members } from './words';

export function InputPreview({ preview }: { preview: Preview | undefined }) {
  if (!preview) return null;
  const more = preview.refusedCount - preview.refused.length;
  return (
    <section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading" class="visually-hidden">
        {t('bulk_previewHeading')}
      </h2>
      <ul id="bulk-preview-counts" aria-live="polite" class="preview-counts">
        <li>
          <Rich id="bulk_understood" values={[<strong>{members(preview.members)}</strong>]} />
        </li>
        {preview.duplicates > 0 && (
          <li>
            {t(
              preview.duplicates === 1 ? 'bulk_duplicates_one' : 'bulk_duplicates_many',
              amount(preview.duplicates),
            )}
          </li>
        )}
        {preview.emails > 0 && (
          <li>
            {t(
              preview.emails === 1 ? 'bulk_emailsToLookUp_one' : 'bulk_emailsToLookUp_many',
              amount(preview.emails),
            )}
          </li>
        )}
        {preview.headerSkipped && <li>{t('bulk_headerSkipped')}</li>}
        {preview.tooMany && <li class="warning">{t('bulk_tooMany', amount(MAX_BULK_MEMBERS))}</li>}
      </ul>
      {preview.refusedCount > 0 && (
        <>
          <h3 id="refused-heading">
            {t(
              preview.refusedCount === 1 ? 'bulk_refusedHeading_one' : 'bulk_refusedHeading_many',
              amount(preview.refusedCount),
            )}
          </h3>
          <ul class="refused" aria-labelledby="refused-heading">
            {preview.refused.map((r) => (
              <li key={r.line}>
                {t('bulk_refusedLine', amount(r.line), clip(r.text, 80), r.reason)}
              </li>
            ))}
          </ul>
          {more > 0 && (
            <p class="hint">
              {t(more === 1 ? 'bulk_refusedMore_one' : 'bulk_refusedMore_many', amount(more))}
            </p>
          )}
        </>
      )}
    </section>
  );
}
