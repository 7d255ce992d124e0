/** The popup in a German browser: its controls carry German names, and a reset still works. */
import { SANDBOX } from '../fake-slack';
import { expect, OPTIONS, optionsWithAdminToken, POPUP, rightClick, test } from './fixtures';

test.use({ browserLanguage: 'de' });

test('in a German browser the popup is German, and Zurücksetzen bestätigen signs Ada out of the web', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);

  const popup = await extension.page(POPUP);
  await expect(popup.locator('html')).toHaveAttribute('lang', /^de/);
  await expect(popup.getByRole('heading', { name: 'Session Admin für Slack' })).toBeVisible();
  await popup.getByLabel('Benutzer', { exact: true }).fill(SANDBOX.users.ada);
  await popup.getByRole('radio', { name: 'Nur Web' }).check();
  await popup.getByRole('button', { name: 'Sitzungen zurücksetzen' }).click();
  const question = popup.getByRole('form', { name: /Ada Lovelace/ });
  await expect(question).toContainText('in Webbrowsern und der Desktop-App von Slack abgemeldet');
  await expect(popup.getByRole('button', { name: 'Abbrechen' })).toBeVisible();
  await popup.getByRole('button', { name: 'Zurücksetzen bestätigen' }).click();

  await expect(popup.getByRole('status')).toContainText('Ada Lovelace (U0123ABCD) wurde');
  expect(fake.requestsFor('admin.users.session.reset').map((r) => r.params)).toEqual([
    { user_id: SANDBOX.users.ada, web_only: 'true' },
  ]);
  await popup.getByRole('button', { name: 'Sitzungen anzeigen' }).click();
  await expect(
    popup.getByRole('region', { name: /Aktive Sitzungen von Ada Lovelace/ }),
  ).toBeVisible();
});

test('in a German browser the right-click confirmation window asks in German and resets once', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  const opened = extension.context.waitForEvent('page');
  await rightClick(extension.worker, {
    menuItemId: 'reset-sessions',
    selectionText: `${SANDBOX.users.ada} ${SANDBOX.users.bot}`,
  });
  const confirm = await opened;
  await expect(confirm.locator('html')).toHaveAttribute('lang', /^de/);
  await expect(
    confirm.getByText(/^Dieses Mitglied von Acme Sandbox Org wird auf allen Geräten/),
  ).toBeVisible();
  await expect(confirm.getByRole('list', { name: /ausgelassen und nicht gesendet/ })).toContainText(
    'Bot-Benutzer',
  );
  await confirm.getByRole('button', { name: 'Zurücksetzen bestätigen' }).click();
  await expect(
    confirm.getByRole('heading', { name: '1 von 2 Mitgliedern abgemeldet; 1 nicht gesendet.' }),
  ).toBeFocused();
  await expect(confirm.getByRole('button', { name: 'Ergebnisse kopieren' })).toBeVisible();
  expect(fake.requestsFor('admin.users.session.reset').map((r) => r.params.user_id)).toEqual([
    SANDBOX.users.ada,
  ]);
});

test('in a German browser the settings page saves the token by German names and says so in German', async ({
  extension,
}) => {
  const options = await extension.page(OPTIONS);
  await expect(options.locator('html')).toHaveAttribute('lang', /^de/);
  await expect(options).toHaveTitle('Session Admin für Slack — Einstellungen');
  await options.getByLabel('Admin-Token', { exact: true }).fill(SANDBOX.tokens.admin);
  const keep = options.getByRole('group', { name: 'Token aufbewahren' });
  await expect(
    keep.getByRole('radio', { name: 'Vergessen, wenn der Browser geschlossen wird' }),
  ).toBeVisible();
  await expect(keep.getByRole('radio', { name: 'Mit einer Passphrase sperren' })).toBeVisible();
  await keep.getByRole('radio', { name: 'Auf diesem Gerät behalten (verschlüsselt)' }).check();
  await options.getByRole('button', { name: 'Token speichern' }).click();

  await expect(options.getByRole('status')).toContainText(
    `Token für ${SANDBOX.enterprise.name} gespeichert, Admin`,
  );
  const card = options.getByRole('group', {
    name: new RegExp(`^${SANDBOX.enterprise.name} \\(Slack, Admin`),
  });
  await expect(card).toContainText('Auf diesem Gerät behalten (verschlüsselt)');
  await expect(card.getByRole('button', { name: 'Token entfernen' })).toBeVisible();
  await expect(
    options.getByRole('checkbox', { name: 'Vor dem Zurücksetzen bestätigen' }),
  ).toBeChecked();
  await expect(options.getByRole('heading', { name: 'Aktivität' })).toBeVisible();
});
