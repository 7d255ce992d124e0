/** Activity records every action before it is sent, so a worker stopped mid-request loses none. */
import { SANDBOX } from '../fake-slack';
import {
  expect,
  OPTIONS,
  optionsWithAdminToken,
  POPUP,
  restartServiceWorker,
  test,
} from './fixtures';

test('a reset the worker was stopped in the middle of shows in Activity as may or may not have happened', async ({
  extension,
  fake,
}) => {
  const options = await optionsWithAdminToken(extension);
  // Slack takes its time to answer; the browser stops the worker meanwhile.
  fake.injectFault('admin.users.session.reset', { kind: 'delay', ms: 8_000 });
  const popup = await extension.page(POPUP);
  await popup.getByLabel('User').fill(SANDBOX.users.ada);
  await popup.getByRole('button', { name: 'Reset sessions' }).click();
  await popup.getByRole('button', { name: 'Confirm reset' }).click();
  await expect.poll(() => fake.requestsFor('admin.users.session.reset').length).toBe(1);
  await restartServiceWorker(extension, options);

  const activity = await extension.page(OPTIONS);
  const row = activity.getByRole('row').filter({ hasText: 'Ada Lovelace' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('May or may not have happened');
  await expect(row).toContainText('Check the member’s sessions before trying again');
  // The popup, whose answer never came, says so instead of claiming an outcome.
  await expect(popup.getByRole('alert')).toContainText('did not answer');
});
