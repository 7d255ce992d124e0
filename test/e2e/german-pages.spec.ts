/** The bulk page and the Sessions page in a German browser: their controls carry German names. */
import { SANDBOX } from '../fake-slack';
import { expect, saveToken, test } from './fixtures';

test.use({ browserLanguage: 'de' });

test.beforeEach(async ({ extension }) => {
  const options = await extension.page('src/options/index.html');
  await saveToken(options, SANDBOX.tokens.admin);
  await expect(options.getByRole('status')).toContainText(SANDBOX.enterprise.name);
});

test('in a German browser the bulk page is German, down to the reasons a line was left out, and a job runs', async ({
  extension,
  fake,
}) => {
  const page = await extension.page('src/bulk/index.html');
  await expect(page.locator('html')).toHaveAttribute('lang', /^de/);
  await expect(page).toHaveTitle('Sammel-Zurücksetzen – Session Admin für Slack');
  await expect(page.getByRole('heading', { name: 'Sammel-Zurücksetzen', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Datei importieren')).toBeVisible();
  await page.getByLabel('Benutzer', { exact: true }).fill(`${SANDBOX.users.ada}\nT0123ABCDE`);
  await expect(page.getByRole('listitem').filter({ hasText: 'erkannt.' })).toHaveText(
    '1 Mitglied erkannt.',
  );
  // Read in the preview worker, which has no catalogue, and worded on the page.
  await expect(page.getByRole('list', { name: '1 Zeile nicht erkannt (ausgelassen)' })).toHaveText(
    'Zeile 2: „T0123ABCDE“: T0123ABCDE ist eine Workspace-ID (Team), kein Mitglied. Benutzer-IDs beginnen mit U oder W.',
  );
  await page.getByRole('radio', { name: 'Nur Web' }).check();
  await page.getByLabel('Einzeln senden').check();
  await page.getByRole('button', { name: 'Sammel-Zurücksetzen starten' }).click();
  await expect(page.getByRole('form')).toContainText('1 nicht erkannte Zeile wird ausgelassen.');
  await expect(page.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
  await page.getByRole('button', { name: 'Zurücksetzen bestätigen' }).click();

  await expect(page.getByRole('status', { name: 'Zahlen: Sammel-Zurücksetzen' })).toHaveText(
    '1 Mitglied: 1 erledigt, 0 fehlgeschlagen, 0 offen.',
    { timeout: 30_000 },
  );
  await expect(
    page.getByRole('progressbar', { name: 'Fortschritt: Sammel-Zurücksetzen' }),
  ).toHaveAttribute('aria-valuetext', '1 abgeschlossen, insgesamt 1 Mitglied');
  await expect(page.getByRole('row', { name: /Abgemeldet/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ergebnisse exportieren' })).toBeVisible();
  expect(fake.requestsFor('admin.users.session.reset').map((r) => r.params)).toEqual([
    { user_id: SANDBOX.users.ada, web_only: 'true' },
  ]);
});

test('in a German browser the Sessions page is German: loading, the filters, the summary and the actions', async ({
  extension,
}) => {
  const page = await extension.page('src/sessions/index.html');
  await expect(page.locator('html')).toHaveAttribute('lang', /^de/);
  await expect(page).toHaveTitle('Sitzungen – Session Admin für Slack');
  const summary = page.getByRole('status', { name: 'Passende Sitzungen' });
  await expect(summary).toHaveText(/^Noch keine Sitzungen geladen/);
  await page.getByRole('button', { name: 'Sitzungen laden' }).click();
  await expect(summary).toHaveText(/^Treffer: .* Sitzung.*, alle geladenen\.$/, {
    timeout: 60_000,
  });

  const filters = page.getByRole('group', { name: 'Filter' });
  await expect(filters.getByLabel('Mitglied', { exact: true })).toBeVisible();
  await expect(filters.getByLabel('Gerät oder Client')).toBeVisible();
  await expect(filters.getByLabel('Workspace', { exact: true })).toBeVisible();
  await expect(filters.getByLabel('IP seit der Anmeldung geändert')).not.toBeChecked();
  const ip = filters.getByLabel('IP-Adresse oder -Bereich');
  await ip.fill('203.0.113.0/33');
  await expect(summary).toHaveText(
    'Der IP-Filter wird nicht verstanden, daher passt nichts: „203.0.113.0/33“ hat ein zu langes Präfix: Ein IPv4-Bereich endet auf /0 bis /32.',
  );
  await ip.fill('');
  await expect(summary).toHaveText(/^Treffer: /);

  const act = page.getByRole('region', { name: 'Aktionen für die Treffer' });
  await expect(act.getByRole('button', { name: 'Passende Mitglieder zurücksetzen' })).toBeVisible();
  await expect(act.getByRole('button', { name: 'CSV exportieren' })).toBeVisible();
  await act.getByRole('button', { name: 'Passende Sitzungen beenden' }).click();
  await expect(page.getByRole('form')).toContainText('Beenden:');
  await expect(page.getByRole('button', { name: 'Beenden bestätigen' })).toBeVisible();
  await page.getByRole('button', { name: 'Abbrechen' }).click();
});
