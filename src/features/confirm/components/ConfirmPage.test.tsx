// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { failWith, fakeBackground } from '../../../../test/support/fake-background';
import type { ConfirmationView } from '../messages';
import { ConfirmPage } from './ConfirmPage';

const VIEW: ConfirmationView = {
  id: 'r1',
  source: 'page',
  org: 'Acme Corp',
  tokenId: 't1',
  asker: { surface: 'page', origin: 'https://acme.enterprise.slack.com', title: 'People' },
  targets: [{ label: 'Ada Lovelace (U0123ABCD)' }],
  scope: 'all',
  includeSelf: false,
};

afterEach(() => {
  cleanup();
});

describe('ConfirmPage: token problems', () => {
  it('asks for the passphrase of a locked token, then asks its question', async () => {
    let locked = true;
    const background = fakeBackground({
      'ui/confirmation/get': () =>
        locked
          ? failWith('locked', 'The token for Acme Corp is locked. Enter its passphrase.', {
              tokenId: 't1',
            })
          : VIEW,
      'ui/tokens/unlock': () => {
        locked = false;
        return { tokens: [] };
      },
    });
    render(<ConfirmPage id="r1" />);
    const passphrase = await screen.findByLabelText('Passphrase');
    expect(screen.getByRole('heading', { name: 'Reset Slack sessions' })).toBeTruthy();
    expect(document.body.textContent).toContain('Enter its passphrase.');
    expect(screen.queryByRole('button', { name: 'Confirm reset' })).toBeNull();

    fireEvent.input(passphrase, { target: { value: 'correct horse battery staple' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('button', { name: 'Confirm reset' })).toBeTruthy();
    expect(screen.queryByLabelText('Passphrase')).toBeNull();
    expect(screen.getByText('Ada Lovelace (U0123ABCD)')).toBeTruthy();
    expect(background.sentOf('ui/tokens/unlock')).toEqual([
      expect.objectContaining({ tokenId: 't1', passphrase: 'correct horse battery staple' }),
    ]);
    expect(background.sentOf('ui/confirmation/get')).toHaveLength(2);
  });

  it('says any other error in role=alert, without a passphrase prompt', async () => {
    fakeBackground({
      'ui/confirmation/get': () =>
        failWith('no_token', 'No admin token is saved. Save one in the settings.'),
    });
    render(<ConfirmPage id="r1" />);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'No admin token is saved. Save one in the settings.',
      ),
    );
    expect(screen.queryByLabelText('Passphrase')).toBeNull();
  });
});
