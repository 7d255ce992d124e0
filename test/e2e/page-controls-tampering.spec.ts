/**
 * What the admin page's own scripts (which run in the page's main world, as page.evaluate
 * does) can do to a control it can see but not open: re-aim it, stretch it over the page, make
 * it see-through, or move it. None of it makes a click do anything but what a person saw.
 */
import type { Locator, Page } from '@playwright/test';
import { SANDBOX } from '../fake-slack';
import { controlParts } from './closed-shadow';
import {
  chooseSandboxOrg,
  type ExtensionFixture,
  expect,
  openWorkspaceAdmin,
  optionsWithAdminToken,
  test,
} from './fixtures';

const { ada: ADA, grace: GRACE, longId: LOU } = SANDBOX.users;

const MOVED =
  'This page moved or covered the button, so it did nothing. Reload the page and try again.';
const RESIZED =
  "This page changed the button's size, so it did nothing. Reload the page and try again.";
const HIDDEN =
  'This page hid or faded the button, so it did nothing. Reload the page and try again.';

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

function confirmWindows(extension: ExtensionFixture): Page[] {
  const prefix = `chrome-extension://${extension.extensionId}/src/confirm/`;
  return extension.context.pages().filter((p) => p.url().startsWith(prefix));
}

/**
 * The positive proof that a refused click opened nothing: a real click on another member's
 * control opens a window naming that member, and it is the only confirmation window there is.
 */
async function onlyWindowNames(
  extension: ExtensionFixture,
  page: Page,
  userId: string,
  name: string,
): Promise<Page> {
  const control = controlInRow(page, userId);
  await built(control);
  const opened = extension.context.waitForEvent('page');
  await control.click();
  const confirm = await opened;
  await chooseSandboxOrg(confirm);
  await expect(confirm.getByRole('listitem')).toHaveText(`${name} (${userId})`);
  expect(confirmWindows(extension)).toEqual([confirm]);
  return confirm;
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
  await chooseSandboxOrg(confirm);
  await expect(confirm.getByRole('listitem')).toHaveText(`Ada Lovelace (${ADA})`);
  await expect(confirm.getByText('Grace Hopper')).toHaveCount(0);
  await confirm.getByRole('button', { name: 'Confirm reset' }).click();
  await expect(confirm.getByRole('status')).toContainText('Signed Ada Lovelace');
  expect(fake.requestsFor('admin.users.session.reset').map((r) => r.params.user_id)).toEqual([ADA]);
  // The outcome goes to the control placed for Ada, not to Grace's, whatever they are marked.
  await expect(adaControl).toHaveAttribute('data-ssa-state', 'done');
  await expect(controlInRow(page, GRACE)).not.toHaveAttribute('data-ssa-state');
});

test('a control the page stretches over the whole page does nothing when the page is clicked', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  const page = await openWorkspaceAdmin(extension);
  const adaControl = controlInRow(page, ADA);
  await built(adaControl);
  const covered = await page.evaluate((ada) => {
    const host = document.querySelector<HTMLElement>(`[data-ssa-user="${ada}"]`)!;
    host.style.cssText =
      'position: fixed; inset: 0; width: 100vw; height: 100vh; margin: 0; z-index: 2147483647;';
    return document.elementFromPoint(innerWidth / 2, innerHeight / 2) === host;
  }, ADA);
  expect(covered).toBe(true);

  // Somewhere on the page, nowhere near where Ada's button was.
  await page.mouse.click(700, 500);
  await expect(adaControl).toHaveAttribute('data-ssa-state', 'failed');
  expect(await controlParts(page, ADA)).toEqual([{ button: 'Reset sessions', status: RESIZED }]);

  await page.evaluate((ada) => {
    document.querySelector<HTMLElement>(`[data-ssa-user="${ada}"]`)!.style.cssText = '';
  }, ADA);
  await onlyWindowNames(extension, page, GRACE, 'Grace Hopper');
  expect(fake.requestsFor('admin.users.session.reset')).toEqual([]);
});

test('a control the page makes see-through, itself or through its row, does nothing when clicked', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  const page = await openWorkspaceAdmin(extension);
  const adaControl = controlInRow(page, ADA);
  const graceControl = controlInRow(page, GRACE);
  await built(adaControl);
  await built(graceControl);
  await page.evaluate(
    ({ ada, grace }) => {
      document.querySelector<HTMLElement>(`[data-ssa-user="${ada}"]`)!.style.opacity = '0';
      document.querySelector<HTMLElement>(`tr[data-member-id="${grace}"]`)!.style.opacity = '0.3';
    },
    { ada: ADA, grace: GRACE },
  );

  // Real clicks in the middle of each host, which is where its button is.
  await adaControl.click();
  await expect(adaControl).toHaveAttribute('data-ssa-state', 'failed');
  expect(await controlParts(page, ADA)).toEqual([{ button: 'Reset sessions', status: HIDDEN }]);
  await graceControl.click();
  await expect(graceControl).toHaveAttribute('data-ssa-state', 'failed');
  expect(await controlParts(page, GRACE)).toEqual([{ button: 'Reset sessions', status: HIDDEN }]);

  await onlyWindowNames(extension, page, LOU, 'Lou Longname');
  expect(fake.requestsFor('admin.users.session.reset')).toEqual([]);
});

test('a control the page moves away from its member does nothing when clicked', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  const page = await openWorkspaceAdmin(extension);
  const adaControl = controlInRow(page, ADA);
  await built(adaControl);
  // Into the next row, beside another member's name, where it looks like theirs.
  await page.evaluate(
    ({ ada, grace }) => {
      const host = document.querySelector(`[data-ssa-user="${ada}"]`)!;
      document
        .querySelector(`tr[data-member-id="${grace}"] a[href="/team/${grace}"]`)!
        .before(host);
    },
    { ada: ADA, grace: GRACE },
  );
  const moved = page.locator(`tr[data-member-id="${GRACE}"] [data-ssa-user="${ADA}"]`);
  await moved.click();
  await expect(moved).toHaveAttribute('data-ssa-state', 'failed');
  expect(await controlParts(page, ADA)).toEqual([{ button: 'Reset sessions', status: MOVED }]);

  await onlyWindowNames(extension, page, LOU, 'Lou Longname');
  expect(fake.requestsFor('admin.users.session.reset')).toEqual([]);
});
