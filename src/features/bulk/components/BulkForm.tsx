/** The bulk page's form: who, on which devices, how it is sent, why, and the Start button. */
import { t } from '../../../shared/i18n';
import { ReasonField } from '../../../ui/ReasonField';
import { ScopeChoice } from '../../sessions/components/ScopeChoice';
import { InputPreview } from './InputPreview';
import { UsersField } from './UsersField';
import type { StartFlow } from './use-start';

export function BulkForm({
  flow,
  ready,
  onProblem,
}: {
  flow: StartFlow;
  /** The org to act in is known. */
  ready: boolean;
  /** A sentence for the page's alert (a file that could not be read). */
  onProblem: (sentence: string) => void;
}) {
  return (
    <form onSubmit={flow.start}>
      <UsersField value={flow.text} onInput={flow.edit} onProblem={onProblem} />
      <ScopeChoice value={flow.scope} onChange={flow.chooseScope} />
      <div class="check">
        <label>
          <input
            type="checkbox"
            checked={flow.oneByOne}
            aria-describedby="one-by-one-hint"
            onChange={(e) => flow.setOneByOne(e.currentTarget.checked)}
          />
          {t('bulk_oneByOne')}
        </label>
        <p id="one-by-one-hint" class="hint">
          {t('bulk_oneByOneHint')}
        </p>
      </div>
      <ReasonField value={flow.reason} onInput={flow.setReason} />
      <div class="actions">
        <button
          type="submit"
          class="primary"
          ref={flow.startButton}
          disabled={!ready || !flow.canStart}
        >
          {t('bulk_start')}
        </button>
      </div>
      {/* Below the controls: a long list of refused lines never moves the Start button. */}
      <InputPreview preview={flow.preview} />
    </form>
  );
}
