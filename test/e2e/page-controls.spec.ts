/**
 * What the admin page's own scripts (which run in the page's main world, as page.evaluate
 * does) can do to a control it can see but not open. None of it makes a click do anything but
 * what a person saw.
 */
import type { Locator, Page } from '@playwright/test';
import { SANDBOX } from '../fake-slack';
import { expect, openWorkspaceAdmin, optionsWithAdminToken, test } from './fixtures';

const { ada: ADA, grace: GRACE } = SANDBOX.users;

/** The control in a member's row: found through the row, whatever the page wrote on it. */
function controlInRow(page: Page, userId: string): Locator {
  return page.locator(`tr[data-member-id="${userId}"] ssa-reset-control`);
}

/** Waits for the control's button to be built, so a click reaches the button itself. */
async function built(control: Locator): Promise<void> {
  await expect(control).toHaveCount(1);
  await expect(control).not.toHaveAttribute('data-ssa-pending');
  await expect(control).toBeVisible();
}

test('a control the page re-aims at another member still asks for the one it was placed for', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  const page = await openWorkspaceAdmin(extension);
  const adaControl = controlInRow(page, ADA);
  await built(adaControl);
  await page.evaluate(
    ({ ada, grace }) => {
      document.querySelector(`[data-ssa-user="${ada}"]`)!.setAttribute('data-ssa-user', grace);
    },
    { ada: ADA, grace: GRACE },
  );
  await expect(adaControl).toHaveAttribute('data-ssa-user', GRACE);

  const opened = extension.context.waitForEvent('page');
  await adaControl.click();
  const confirm = await opened;
  await expect(confirm.getByRole('listitem')).toHaveText(`Ada Lovelace (${ADA})`);
  await expect(confirm.getByText('Grace Hopper')).toHaveCount(0);
  await confirm.getByRole('button', { name: 'Confirm reset' }).click();
  await expect(confirm.getByRole('status')).toContainText('Signed Ada Lovelace');
  expect(fake.requestsFor('admin.users.session.reset').map((r) => r.params.user_id)).toEqual([ADA]);
  // The outcome goes to the control placed for Ada, not to Grace's, whatever they are marked.
  await expect(adaControl).toHaveAttribute('data-ssa-state', 'done');
  await expect(controlInRow(page, GRACE)).not.toHaveAttribute('data-ssa-state');
});
