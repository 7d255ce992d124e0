import { describe, expect, it } from 'vitest';
import { ActionError } from '../../../core/background/errors';
import { SlackApiError, SlackTransportError } from '../../../slack';
import { mayPassNextTime } from './may-pass';

const api = (code: string) =>
  new SlackApiError({ code, sentence: code, method: 'admin.users.session.reset' });

describe('mayPassNextTime', () => {
  it('retries waits, outages, the network and a locked token', () => {
    expect(mayPassNextTime(api('ratelimited'))).toBe(true);
    expect(mayPassNextTime(api('service_unavailable'))).toBe(true);
    expect(
      mayPassNextTime(
        new SlackTransportError({ kind: 'network', sentence: 'x', method: 'm', attempts: 3 }),
      ),
    ).toBe(true);
    expect(mayPassNextTime(new ActionError('locked', 'Unlock first.'))).toBe(true);
  });

  it('does not retry refusals', () => {
    expect(mayPassNextTime(api('cannot_reset_primary_owner'))).toBe(false);
    expect(mayPassNextTime(api('not_an_admin'))).toBe(false);
    expect(mayPassNextTime(new ActionError('invalid_input', 'No.'))).toBe(false);
  });
});
