/**
 * `npm start`: the extension against the bundled sandbox Slack, no real org needed.
 * Starts the fake Slack, opens Chromium with dist/ loaded and a sandbox token saved, and opens
 * the settings, the popup and Slack's admin pages. With `--headless` (or no display) it takes
 * screenshots into demo-screenshots/ instead and exits.
 */
import { mkdirSync } from 'node:fs';
import { SANDBOX, startFakeSlack } from '../test/fake-slack';
import { launchWithExtension } from '../test/support/launch-extension';

const headless =
  process.argv.includes('--headless') || (process.platform === 'linux' && !process.env.DISPLAY);
const fake = await startFakeSlack();
const browser = await launchWithExtension({
  fakePort: fake.port,
  headless,
  viewport: headless ? undefined : null,
});
const pageUrl = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;

const options = await browser.context.newPage();
await options.goto(pageUrl('src/options/index.html'));
await options.getByLabel('Admin token').fill(SANDBOX.tokens.admin);
await options.getByRole('button', { name: 'Save token' }).click();
await options.getByRole('status').filter({ hasText: SANDBOX.enterprise.name }).waitFor();

const workspaceAdmin = await browser.context.newPage();
await workspaceAdmin.goto(`https://${SANDBOX.teams.eng.domain}.slack.com/admin`);
const orgPeople = await browser.context.newPage();
await orgPeople.goto(`https://app.slack.com/manage/${SANDBOX.enterprise.id}/people`);
const popup = await browser.context.newPage();
await popup.setViewportSize({ width: 400, height: 560 });
await popup.goto(pageUrl('src/popup/index.html'));

const stop = async () => {
  await browser.close().catch(() => undefined);
  await fake.close();
};

if (headless) {
  mkdirSync('demo-screenshots', { recursive: true });
  await popup.getByLabel('User').fill(SANDBOX.users.ada);
  await popup.getByRole('button', { name: 'Show sessions' }).click();
  await popup.getByRole('table').waitFor();
  await popup.screenshot({ path: 'demo-screenshots/popup.png' });
  await orgPeople.locator('[data-ssa-user]').first().waitFor();
  await orgPeople.screenshot({ path: 'demo-screenshots/org-people.png' });
  await options.screenshot({ path: 'demo-screenshots/options.png', fullPage: true });
  console.log('Screenshots written to demo-screenshots/ (popup.png, org-people.png, options.png).');
  await stop();
} else {
  console.log(`
Session Admin for Slack is running against the sandbox Slack (${fake.origin}).
  Org: ${SANDBOX.enterprise.name}; token saved: ${SANDBOX.tokens.admin}
  Try: ${SANDBOX.users.ada} (Ada Lovelace), ${SANDBOX.emails.grace}, ${SANDBOX.users.primaryOwner} (primary owner), ${SANDBOX.users.bot} (a bot)
  Admin pages: https://${SANDBOX.teams.eng.domain}.slack.com/admin and https://app.slack.com/manage/${SANDBOX.enterprise.id}/people
Close the browser or press Ctrl+C to stop.`);
  process.on('SIGINT', () => void stop().then(() => process.exit(0)));
  browser.context.on('close', () => void fake.close().then(() => process.exit(0)));
}
