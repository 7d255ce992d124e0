import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../../../shared/i18n';
import { parseBulkInput } from '../input';
import { wordWrittenDown, writeMessagesDown } from './worker-words';

const scope = globalThis as { browser?: Record<string, unknown> };
const pageI18n = scope.browser!.i18n;

describe('reasons made in the preview worker, worded on the page', () => {
  afterEach(() => {
    scope.browser = { ...scope.browser, i18n: pageI18n };
  });

  /** The same text read as the worker reads it (no catalogue), then worded as the page does. */
  function reasonsViaWorker(text: string): string[] {
    scope.browser = { ...scope.browser, i18n: undefined };
    writeMessagesDown();
    const refused = parseBulkInput(text).refused.map((r) => r.reason);
    scope.browser = { ...scope.browser, i18n: pageI18n };
    return refused.map(wordWrittenDown);
  }

  it('says each reason exactly as reading the text on the page does', () => {
    const text = [
      'hello there',
      'U12',
      'T0123ABCDE',
      'ada@@example',
      'https://example.com/team/U0123ABCD',
      'Manager ID,Name',
    ].join('\n');
    const onPage = parseBulkInput(text).refused.map((r) => r.reason);
    expect(onPage.length).toBeGreaterThan(4);
    expect(reasonsViaWorker(text)).toEqual(onPage);
  });

  it('keeps a message nested in another one (an ID of another kind names the kind)', () => {
    const [reason] = reasonsViaWorker('T0123ABCDE');
    expect(reason).toBe(t('id_otherKind', 'T0123ABCDE', t('id_otherT')));
    expect(reason).toBe(
      'T0123ABCDE is a workspace (team) ID, not a member. User IDs start with U or W.',
    );
  });

  it('takes no instruction from the text itself: marks typed into a line are left out', () => {
    const [reason] = reasonsViaWorker('\u0001bulk_tooMany\u00025\u0003@@');
    expect(reason).not.toContain('One job takes at most');
  });
});
