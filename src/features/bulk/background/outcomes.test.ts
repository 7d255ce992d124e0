import { describe, expect, it } from 'vitest';
import { SlackTransportError } from '../../../slack';
import { classify } from './outcomes';

const withheld = () =>
  new SlackTransportError({
    kind: 'no_access',
    method: 'admin.users.session.reset',
    attempts: 1,
    sentence: 'Session Admin has no access to slack.com, so nothing was sent to Slack.',
  });

describe('a job meeting a withheld API host', () => {
  it.each(['reset', 'resetBulk', 'invalidate'] as const)(
    'stops %s and keeps its place, rather than failing every member left',
    (method) => {
      expect(classify(withheld(), method)).toEqual({
        kind: 'stop',
        code: 'no_site_access',
        message: 'Session Admin has no access to slack.com, so nothing was sent to Slack.',
      });
    },
  );

  it('still fails one member for a plain network problem', () => {
    const lost = new SlackTransportError({
      kind: 'network',
      method: 'admin.users.session.reset',
      attempts: 4,
      sentence: 'Could not reach Slack. Check your connection and try again.',
    });
    expect(classify(lost, 'reset').kind).toBe('failed');
  });
});
