/** The Users text, typed, pasted or imported from a file (its preview is below the form's controls). */

import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';

export function UsersField(props: {
  value: string;
  onInput: (text: string) => void;
  /** A file could not be read: the sentence for the page's alert. */
  onProblem: (sentence: string) => void;
}) {
  const [reading, setReading] = useState(false);
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setReading(true);
    try {
      props.onInput(await file.text());
    } catch {
      props.onProblem(t('bulk_fileUnreadable', file.name));
    } finally {
      setReading(false);
      // Choosing the same file again (after editing it) reads it again.
      input.value = '';
    }
  };
  return (
    <div aria-busy={reading}>
      <label for="bulk-users">{t('bulk_usersLabel')}</label>
      <p id="bulk-users-hint" class="hint">
        {t('bulk_usersHint')}
      </p>
      <textarea
        id="bulk-users"
        aria-describedby="bulk-users-hint bulk-preview-counts"
        rows={10}
        spellcheck={false}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <label for="bulk-file">{t('bulk_importFile')}</label>
      <input
        id="bulk-file"
        type="file"
        accept=".csv,.txt,text/csv,text/plain"
        onChange={(e) => void importFile(e.currentTarget)}
      />
    </div>
  );
}
