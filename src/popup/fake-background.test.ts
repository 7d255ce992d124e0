/**
 * The fake background the component tests use (test/support/fake-background). Its tests live
 * here because vitest collects tests from src/ only.
 */

import { describe, expect, it } from 'vitest';
import { failWith, fakeBackground } from '../../test/support/fake-background';
import { ask, onNoticeToPages } from '../protocol/pages';
import type { UserId } from '../shared/ids';

describe('fakeBackground', () => {
  it('refuses a request type the test declared no answer for, and says so after the test', async () => {
    const background = fakeBackground({ 'ui/tokens/list': () => ({ tokens: [] }) });
    const reply = await ask('ui/settings/get', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'no_background' } });
    expect(background.sent).toEqual([{ type: 'ui/settings/get' }]);
    expect(() => background.verify()).toThrow(/ui\/settings\/get: this test declared no answer/);
    // Reported once: the check after this test finds nothing more.
    expect(() => background.verify()).not.toThrow();
  });

  it('answers with the declared value, or the declared error', async () => {
    fakeBackground({
      'ui/member/resolve': ({ input }) =>
        input === 'U0123ABCD'
          ? {
              userId: 'U0123ABCD' as UserId,
              teams: [],
              isBot: false,
              isPrimaryOwner: false,
              deleted: false,
              tokenId: 't1',
            }
          : failWith('user_not_found', 'No member has that ID.'),
    });
    expect(await ask('ui/member/resolve', { input: 'U0123ABCD' })).toMatchObject({
      ok: true,
      value: { userId: 'U0123ABCD', tokenId: 't1' },
    });
    expect(await ask('ui/member/resolve', { input: 'U0999ZZZZ' })).toEqual({
      ok: false,
      error: { code: 'user_not_found', message: 'No member has that ID.' },
    });
  });

  it('refuses a payload the real background would refuse', async () => {
    const background = fakeBackground({ 'ui/activity/list': () => [] });
    const reply = await ask('ui/activity/list', { limit: 1.5 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(() => background.verify()).toThrow(/ui\/activity\/list: the background would refuse it/);
  });

  it('delivers notices to the listeners pages hold, until they stop listening', () => {
    const background = fakeBackground({});
    const heard: string[] = [];
    const stop = onNoticeToPages('bg-to-pages/bulk/changed', ({ jobId }) => heard.push(jobId));
    background.notify('bg-to-pages/bulk/changed', { jobId: 'j1' });
    stop();
    background.notify('bg-to-pages/bulk/changed', { jobId: 'j2' });
    expect(heard).toEqual(['j1']);
  });
});
