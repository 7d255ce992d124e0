/** The User field: a member by ID, e-mail address or profile link, and what is wrong with it. */
import { useRef, useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { parseUserRef } from '../../../shared/ids';

/** The field's state, kept above the form so it outlives it while a passphrase is asked for. */
export function useUserField(initial: string) {
  const [input, setInput] = useState(initial);
  // Said wrong only once the admin has left the field or tried to use it.
  const [touched, setTouched] = useState(false);
  // The form said what is wrong in its alert: the hint does not say it a second time.
  const [reported, setReported] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  return {
    input,
    setInput,
    touched,
    setTouched,
    reported,
    setReported,
    ref,
    parsed: parseUserRef(input),
  };
}

export type UserFieldState = ReturnType<typeof useUserField>;

export function UserField({ field, onEdit }: { field: UserFieldState; onEdit: () => void }) {
  const { parsed } = field;
  const invalid = field.touched && field.input.trim() !== '' && !parsed.ok;
  const showProblem = invalid && !field.reported;
  return (
    <>
      <label for="user">{t('user_label')}</label>
      <input
        id="user"
        ref={field.ref}
        type="text"
        autocomplete="off"
        spellcheck={false}
        placeholder={t('user_placeholder')}
        value={field.input}
        onInput={(e) => {
          field.setInput(e.currentTarget.value);
          field.setReported(false);
          onEdit();
        }}
        onBlur={() => field.setTouched(true)}
        aria-invalid={invalid || (field.reported && !parsed.ok)}
        aria-describedby="user-hint"
        // biome-ignore lint/a11y/noAutofocus: the popup exists to take this input
        autoFocus
      />
      {/* Space for two lines is kept, so a message here does not push the buttons down. */}
      <div id="user-hint" class={`field-hint${showProblem ? ' invalid' : ''}`}>
        {showProblem && !parsed.ok ? parsed.message : t('user_hint')}
      </div>
    </>
  );
}
