/** A destructive step's question: Cancel has the focus before the first paint, Escape cancels. */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../shared/i18n';

export function ConfirmForm(props: {
  /** The id of the element that asks the question (the form's name). */
  questionId: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  children: ComponentChildren;
}) {
  const cancelButton = useRef<HTMLButtonElement>(null);
  // A key pressed as the question appears lands on Cancel.
  useLayoutEffect(() => cancelButton.current?.focus(), []);
  return (
    <form
      class="confirm-box"
      aria-labelledby={props.questionId}
      onSubmit={(e) => {
        e.preventDefault();
        props.onConfirm();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      {props.children}
      <div class="actions">
        <button type="submit" class="danger">
          {props.confirmLabel}
        </button>
        <button type="button" ref={cancelButton} onClick={props.onCancel}>
          {t('common_cancel')}
        </button>
      </div>
    </form>
  );
}
