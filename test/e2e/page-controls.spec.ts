import type { Locator, Page } from '@playwright/test';
import { HOLD_SPACE_UP_TO } from '../../src/features/page-controls/content/placer';
import { SANDBOX } from '../fake-slack';
import { controlParts } from './closed-shadow';
import {
  chooseSandboxOrg,
  clickControl,
  expect,
  OPTIONS,
  openWorkspaceAdmin,
  optionsWithAdminToken,
  test,
  WORKSPACE_ADMIN,
} from './fixtures';

const ORG_PEOPLE = `https://app.slack.com/manage/${SANDBOX.enterprise.id}/people`;

const CONTROLS = '[data-ssa-user]';

/** Every member row holds exactly one control, naming that row's member; returns the row count. */
async function expectOneControlPerRow(rows: Locator, idAttribute?: string): Promise<number> {
  const report = await rows.evaluateAll(
    (elements, attribute) =>
      elements.map((row) => {
        const controls = row.querySelectorAll('[data-ssa-user]');
        const link = row.querySelector<HTMLAnchorElement>('a[href*="/people/"], a[href*="/team/"]');
        const expected = attribute
          ? row.getAttribute(attribute)
          : (link?.href.split('/').pop() ?? null);
        return { expected, got: [...controls].map((c) => c.getAttribute('data-ssa-user')) };
      }),
    idAttribute,
  );
  expect(report.length).toBeGreaterThan(0);
  expect(report.filter((r) => r.got.length !== 1 || r.got[0] !== r.expected)).toEqual([]);
  return report.length;
}

/**
 * Waits until the page has drawn two frames, as a person sees a scrolled page before looking.
 * Polling a locator straight after a far scroll can hold headless Chromium's next frame back
 * for seconds (seen with any page, extension or not), and with it every IntersectionObserver.
 */
async function framesDrawn(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

async function controlIds(page: Page): Promise<string[]> {
  return page
    .locator(CONTROLS)
    .evaluateAll((hosts) => hosts.map((h) => h.getAttribute('data-ssa-user') ?? ''));
}

test('the workspace member list gets one control per member, beside the name', async ({
  extension,
}) => {
  const page = await extension.context.newPage();
  await page.goto(WORKSPACE_ADMIN);
  const rows = page.locator('tr[data-member-id]');
  await expect(page.locator(CONTROLS)).toHaveCount(await rows.count());
  await expectOneControlPerRow(rows, 'data-member-id');
  const adaControl = page.locator(`${CONTROLS}[data-ssa-user="${SANDBOX.users.ada}"]`);
  // Placed right after the member's name (the name stacked over the handle), on its line.
  expect(
    await adaControl.evaluate(
      (host) => host.previousElementSibling?.querySelector('a')?.textContent ?? null,
    ),
  ).toBe('Ada Lovelace');
  expect(await controlParts(page, SANDBOX.users.ada)).toEqual([
    { button: 'Reset sessions', status: '' },
  ]);
});

test('the org People table keeps one control per row through paging, search, filters and SPA navigation', async ({
  extension,
}) => {
  const page = await extension.context.newPage();
  await page.goto(`${ORG_PEOPLE}?members=500`);
  const rows = page.locator('[data-qa="org_members_table"] [data-qa-user-id]');
  await expect(rows).toHaveCount(100);
  await expect(page.locator(CONTROLS)).toHaveCount(100);
  await expectOneControlPerRow(rows, 'data-qa-user-id');
  const firstPage = await controlIds(page);

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.locator(CONTROLS)).toHaveCount(100);
  await expect.poll(async () => (await controlIds(page))[0]).not.toBe(firstPage[0]);
  await expectOneControlPerRow(rows, 'data-qa-user-id');

  await page.getByLabel('Search members').fill('grace');
  await expect(rows).toHaveCount(1);
  await expect(page.locator(CONTROLS)).toHaveCount(1);
  expect(await controlIds(page)).toEqual([SANDBOX.users.grace]);
  await page.getByLabel('Search members').fill('');
  await page.getByRole('button', { name: 'Org Admins & Owners' }).click();
  await expect.poll(() => rows.count()).toBeLessThan(10);
  // The filtered rows' controls come a frame after the rows: wait for them, then check each.
  await expect(page.locator(CONTROLS)).toHaveCount(await rows.count());
  await expectOneControlPerRow(rows, 'data-qa-user-id');

  // Into a member's page without a page load, and back.
  await page.getByRole('link', { name: 'Riley Admin' }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${SANDBOX.users.admin}$`));
  await expect(page.locator(CONTROLS)).toHaveCount(1);
  expect(await controlIds(page)).toEqual([SANDBOX.users.admin]);
  await page.goBack();
  await expect(rows.first()).toBeVisible();
  await expect(page.locator(CONTROLS)).toHaveCount(await rows.count());
  await expectOneControlPerRow(rows, 'data-qa-user-id');

  // Rows whose only ID is in the profile link are found too.
  await page.goto(`${ORG_PEOPLE}?ids=0`);
  const bareRows = page.locator('[data-qa="org_members_table_body"] tr');
  await expect(bareRows.first()).toBeVisible();
  // The page draws its rows over a few frames and their controls follow: check once all are in.
  await expect(async () => {
    const count = await expectOneControlPerRow(bareRows);
    expect(await page.locator(CONTROLS).count()).toBe(count);
  }).toPass({ timeout: 10_000 });
});

test('a member page loaded directly gets one control, for the member in the URL', async ({
  extension,
}) => {
  const page = await extension.context.newPage();
  await page.goto(
    `https://${SANDBOX.enterprise.domain}.enterprise.slack.com/manage/people/${SANDBOX.users.grace}`,
  );
  await expect(page.getByRole('heading', { name: /Grace Hopper/ })).toBeVisible();
  await expect(page.locator(CONTROLS)).toHaveCount(1);
  expect(await controlIds(page)).toEqual([SANDBOX.users.grace]);
});

test('a trusted click asks for confirmation in an extension window; Confirm resets once, Cancel sends nothing', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  const page = await openWorkspaceAdmin(extension);

  let confirmation = extension.context.waitForEvent('page');
  await clickControl(page, SANDBOX.users.ada);
  let window = await confirmation;
  expect(window.url()).toMatch(
    new RegExp(`^chrome-extension://${extension.extensionId}/src/confirm/`),
  );
  await chooseSandboxOrg(window);
  await expect(window.getByText(`Ada Lovelace (${SANDBOX.users.ada})`)).toBeVisible();
  await window.getByRole('radio', { name: 'Mobile only' }).check();
  await window.getByRole('button', { name: 'Confirm reset' }).click();
  await expect(window.getByRole('status')).toContainText('Signed Ada Lovelace');
  const resets = fake.requestsFor('admin.users.session.reset');
  expect(resets).toHaveLength(1);
  expect(resets[0]!.params).toEqual({ user_id: SANDBOX.users.ada, mobile_only: 'true' });
  // The control on the page shows the outcome.
  const adaControl = page.locator(`${CONTROLS}[data-ssa-user="${SANDBOX.users.ada}"]`);
  await expect(adaControl).toHaveAttribute('data-ssa-state', 'done');
  const [parts] = await controlParts(page, SANDBOX.users.ada);
  expect(parts!.status).toContain('Signed Ada Lovelace');

  confirmation = extension.context.waitForEvent('page');
  await clickControl(page, SANDBOX.users.grace);
  window = await confirmation;
  await window.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => window.isClosed()).toBe(true);
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(1);
  expect(fake.sessionsOf(SANDBOX.users.grace).length).toBeGreaterThan(0);
});

test('a tab that moved on to another page before Confirm hears nothing of the member', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  const page = await openWorkspaceAdmin(extension);
  const confirmation = extension.context.waitForEvent('page');
  await clickControl(page, SANDBOX.users.ada);
  const window = await confirmation;
  await chooseSandboxOrg(window);
  await expect(window.getByText(`Ada Lovelace (${SANDBOX.users.ada})`)).toBeVisible();

  // The tab loads a page anew (the same list, so Ada has a control there too).
  await page.reload();
  const adaControl = page.locator(`${CONTROLS}[data-ssa-user="${SANDBOX.users.ada}"]`);
  await expect(adaControl).toBeAttached();
  await window.getByRole('button', { name: 'Confirm reset' }).click();
  await expect(window.getByRole('status')).toContainText('Signed Ada Lovelace');
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(1);
  await framesDrawn(page);
  await expect(adaControl).not.toHaveAttribute('data-ssa-state', 'done');
  const [parts] = await controlParts(page, SANDBOX.users.ada);
  expect(parts!.status).not.toContain('Signed');
});

test("the page's own scripts cannot press the control", async ({ extension, fake }) => {
  await optionsWithAdminToken(extension);
  const page = await openWorkspaceAdmin(extension);
  const pagesBefore = extension.context.pages().length;
  const waiting = await page.evaluate((userId) => {
    const host = document.querySelector<HTMLElement>(`[data-ssa-user="${userId}"]`)!;
    host.click();
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    const rect = host.getBoundingClientRect();
    const hit = document.elementFromPoint(
      rect.left + 20,
      rect.top + rect.height / 2,
    ) as HTMLElement | null;
    hit?.click();
    hit?.dispatchEvent(new PointerEvent('click', { bubbles: true, composed: true }));
    // Null while the shadow root stays closed; were it open, the button must still ignore this.
    host.shadowRoot?.querySelector('button')?.click();
    // A control far down still waits for its button; a click on its bare host counts when a
    // person makes it, so a script's must not.
    const far = [...document.querySelectorAll<HTMLElement>('[data-ssa-user][data-ssa-pending]')].at(
      -1,
    );
    far?.click();
    far?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    return far?.getAttribute('data-ssa-user');
  }, SANDBOX.users.ada);
  expect(waiting).toBeTruthy();
  // Then a person clicks Grace's control. Anything the forged clicks had started was sent
  // first, so by the time Grace's window shows her, it would be there too: hers must be the
  // only window, and it must name no one else.
  const confirmation = extension.context.waitForEvent('page');
  await clickControl(page, SANDBOX.users.grace);
  const window = await confirmation;
  await chooseSandboxOrg(window);
  await expect(window.getByText(`Grace Hopper (${SANDBOX.users.grace})`)).toBeVisible();
  await expect(window.getByRole('listitem')).toHaveCount(1);
  await expect(window.getByText('Ada Lovelace')).toHaveCount(0);
  expect(extension.context.pages().length).toBe(pagesBefore + 1);
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(0);
});

test('selectors added in the settings find members in markup the built-in signals miss', async ({
  extension,
}) => {
  const options = await extension.page(OPTIONS);
  await options.getByLabel('Extra member selectors').fill('.custom-member');
  await options.getByRole('button', { name: 'Save selectors' }).click();
  await expect(options.getByRole('status')).toContainText('selectors saved');

  const page = await extension.context.newPage();
  await page.goto(WORKSPACE_ADMIN);
  const before = await page.locator('tr[data-member-id]').count();
  await expect(page.locator(CONTROLS)).toHaveCount(before);
  await page.evaluate(() => {
    const card = document.createElement('div');
    card.className = 'custom-member';
    card.textContent = 'Sam Someone · U0SOMEONE1';
    document.body.append(card);
  });
  await expect(page.locator(`.custom-member ${CONTROLS}[data-ssa-user="U0SOMEONE1"]`)).toHaveCount(
    1,
  );
  await expect(page.locator(CONTROLS)).toHaveCount(before + 1);
});

test('keyboard only: Tab reaches the control and Enter opens the confirmation', async ({
  extension,
}) => {
  await optionsWithAdminToken(extension);
  const page = await extension.context.newPage();
  await page.goto(
    `https://app.slack.com/manage/${SANDBOX.enterprise.id}/people/${SANDBOX.users.ada}`,
  );
  await expect(page.locator(CONTROLS)).toHaveCount(1);
  await page.getByRole('heading', { name: /Ada Lovelace/ }).click();
  const opened = extension.context.waitForEvent('page');
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await page.locator(CONTROLS).evaluate((host) => document.activeElement === host)) break;
  }
  await page.keyboard.press('Enter');
  const confirm = await opened;
  await expect(confirm.getByRole('listitem')).toContainText('Ada Lovelace');
});

test('controls far down a long list wait hidden, get their button beside the name as they come near, and work', async ({
  extension,
}) => {
  await optionsWithAdminToken(extension);
  const page = await extension.context.newPage();
  await page.goto(`${WORKSPACE_ADMIN}?members=3000`);
  await expect(page.locator(CONTROLS)).toHaveCount(3000);
  const last = page.locator(CONTROLS).last();
  const userId = (await last.getAttribute('data-ssa-user'))!;
  // Far below the fold: in its row, out of the page's layout, not yet built.
  await expect(last).toBeHidden();
  const row = page.locator(`tr[data-member-id="${userId}"]`);
  await expect(row.locator(CONTROLS)).toHaveCount(1);
  await row.scrollIntoViewIfNeeded();
  await framesDrawn(page);
  await expect(last).toBeVisible();
  // Built, it sits right after the member's name (stacked over the handle).
  expect(
    await last.evaluate(
      (host) => host.previousElementSibling?.querySelector('a')?.getAttribute('href') ?? null,
    ),
  ).toBe(`/team/${userId}`);
  expect(await controlParts(page, userId)).toEqual([{ button: 'Reset sessions', status: '' }]);
  const opened = extension.context.waitForEvent('page');
  await last.click();
  const confirm = await opened;
  await chooseSandboxOrg(confirm);
  await expect(confirm.getByRole('listitem')).toContainText(userId);
});

test('a re-rendered name link keeps its row one control; members linked in an ID-carrying wrapper get theirs', async ({
  extension,
}) => {
  const page = await extension.context.newPage();
  await page.goto(WORKSPACE_ADMIN);
  const adaRow = page.locator(`tr[data-member-id="${SANDBOX.users.ada}"]`);
  await expect(adaRow.locator(CONTROLS)).toHaveCount(1);
  // The page redraws the name link, as React does, and adds a card linking two members.
  await page.evaluate(
    ({ ada, grace }) => {
      const link = document.querySelector(`tr[data-member-id="${ada}"] a[href="/team/${ada}"]`)!;
      const redrawn = link.cloneNode(true);
      link.replaceWith(redrawn);
      const card = document.createElement('div');
      card.setAttribute('data-member', 'U0CARD00001');
      card.innerHTML = `Team: <a href="/team/${grace}">Grace</a>, <a href="/team/${ada}">Ada</a>`;
      document.body.append(card);
    },
    { ada: SANDBOX.users.ada, grace: SANDBOX.users.grace },
  );
  const card = page.locator('[data-member="U0CARD00001"]');
  await expect(card.locator(`${CONTROLS}[data-ssa-user="${SANDBOX.users.grace}"]`)).toHaveCount(1);
  await expect(card.locator(`${CONTROLS}[data-ssa-user="${SANDBOX.users.ada}"]`)).toHaveCount(1);
  await expect(adaRow.locator(CONTROLS)).toHaveCount(1);
  expect(
    await adaRow
      .locator(CONTROLS)
      .evaluate(
        (host) => host.previousElementSibling?.querySelector('a')?.getAttribute('href') ?? null,
      ),
  ).toBe(`/team/${SANDBOX.users.ada}`);
});

test('on a list of a few hundred every control holds its place, keeps it when built, and takes a click', async ({
  extension,
}) => {
  await optionsWithAdminToken(extension);
  const page = await extension.context.newPage();
  await page.goto(WORKSPACE_ADMIN);
  const rows = await page.locator('tr[data-member-id]').count();
  // A few hundred, all in one pass: under the limit up to which controls hold their place.
  expect(rows).toBeGreaterThan(300);
  expect(rows).toBeLessThanOrEqual(HOLD_SPACE_UP_TO);
  await expect(page.locator(CONTROLS)).toHaveCount(rows);
  const last = page.locator(CONTROLS).last();
  const userId = (await last.getAttribute('data-ssa-user'))!;
  // Where the control sits in its row, and its size: the same before and after its button.
  const placeInRow = () =>
    last.evaluate((host) => {
      const box = host.getBoundingClientRect();
      const row = host.closest('tr')!.getBoundingClientRect();
      return {
        built: !host.hasAttribute('data-ssa-pending'),
        left: box.left - row.left,
        top: box.top - row.top,
        width: box.width,
        height: box.height,
        rowHeight: row.height,
      };
    });
  const waiting = await placeInRow();
  expect(waiting.built).toBe(false);
  expect(waiting.width).toBeGreaterThan(40);
  // What the first press meets, seen by the page itself before the content script sees it.
  await page.evaluate(() => {
    addEventListener(
      'pointerdown',
      (event) => {
        const host = event.target as Element;
        (window as { met?: string }).met ??= host.hasAttribute('data-ssa-pending')
          ? 'bare host'
          : 'button';
      },
      { capture: true },
    );
  });
  // Scrolled to and clicked at once, as a script driving the browser does. Such a click
  // usually beats the frame that builds the button and reaches the bare host, which gets its
  // button and does no more; a person then clicks the button they see.
  const opened = extension.context.waitForEvent('page');
  await clickControl(page, userId);
  const met = await page.evaluate(() => (window as { met?: string }).met);
  test.info().annotations.push({ type: 'first press met', description: met });
  if (met === 'bare host') {
    await expect.poll(async () => (await placeInRow()).built).toBe(true);
    expect(await placeInRow()).toEqual({ ...waiting, built: true });
    expect(await controlParts(page, userId)).toEqual([{ button: 'Reset sessions', status: '' }]);
    await clickControl(page, userId);
  }
  // Otherwise the button was built in time and that was a click on it.
  const confirm = await opened;
  await chooseSandboxOrg(confirm);
  await expect(confirm.getByRole('listitem')).toContainText(userId);
  expect(
    extension.context
      .pages()
      .filter((p) =>
        p.url().startsWith(`chrome-extension://${extension.extensionId}/src/confirm/`),
      ),
  ).toEqual([confirm]);
  expect(await placeInRow()).toEqual({ ...waiting, built: true });
  expect(await controlParts(page, userId)).toEqual([
    { button: 'Reset sessions', status: 'Confirm in the extension window…' },
  ]);
});

test('a page gets one confirmation window at a time', async ({ extension, fake }) => {
  await optionsWithAdminToken(extension);
  const page = await openWorkspaceAdmin(extension);
  const opened = extension.context.waitForEvent('page');
  await clickControl(page, SANDBOX.users.ada);
  const confirm = await opened;
  await chooseSandboxOrg(confirm);
  await expect(confirm.getByRole('button', { name: 'Confirm reset' })).toBeEnabled();
  const pages = extension.context.pages().length;
  await page.bringToFront();
  await clickControl(page, SANDBOX.users.grace);
  await expect(page.locator(`${CONTROLS}[data-ssa-user="${SANDBOX.users.grace}"]`)).toHaveAttribute(
    'data-ssa-state',
    'failed',
  );
  expect((await controlParts(page, SANDBOX.users.grace))[0]!.status).toContain('already open');
  expect(extension.context.pages().length).toBe(pages);
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(0);
});

test('the outcome stays inside the control’s box, keeps the row’s height, and survives a re-render of the list', async ({
  extension,
}) => {
  await optionsWithAdminToken(extension);
  const page = await extension.context.newPage();
  await page.goto(ORG_PEOPLE);
  const rowOf = (userId: string) => page.locator(`tr[data-qa-user-id="${userId}"]`);
  const controlOf = (userId: string) => page.locator(`${CONTROLS}[data-ssa-user="${userId}"]`);
  await expect(controlOf(SANDBOX.users.ada)).toBeAttached();
  const heightBefore = (await rowOf(SANDBOX.users.ada).boundingBox())!.height;

  const confirmation = extension.context.waitForEvent('page');
  await clickControl(page, SANDBOX.users.ada);
  const window = await confirmation;
  await window.getByRole('button', { name: 'Confirm reset' }).click();
  await expect(window.getByRole('status')).toContainText('Signed Ada Lovelace');
  await expect(controlOf(SANDBOX.users.ada)).toHaveAttribute('data-ssa-state', 'done');

  const [parts] = await controlParts(page, SANDBOX.users.ada);
  expect(parts!.button).toBe('Reset sessions');
  expect(parts!.status).toContain('Signed Ada Lovelace');
  await expect(controlOf(SANDBOX.users.ada)).toHaveAttribute('title', /Signed Ada Lovelace/);
  // The outcome is drawn inside the host's own box, which ends before the next cell begins.
  const control = (await controlOf(SANDBOX.users.ada).boundingBox())!;
  const nextCell = (await rowOf(SANDBOX.users.ada).locator('td').nth(1).boundingBox())!;
  expect(control.x + control.width).toBeLessThanOrEqual(nextCell.x);
  // Nothing of it spills out of the box (the page cannot read inside, but sees any overflow;
  // a pixel is the rounding of a box 18em wide).
  expect(
    await controlOf(SANDBOX.users.ada).evaluate((host) => host.scrollWidth - host.clientWidth),
  ).toBeLessThanOrEqual(1);
  expect((await rowOf(SANDBOX.users.ada).boundingBox())!.height).toBe(heightBefore);

  // The page draws its rows again (a search, then back): new rows, new controls, same outcome.
  const before = await controlOf(SANDBOX.users.ada).elementHandle();
  await page.getByLabel('Search members').fill('ada');
  await expect(page.locator(CONTROLS)).toHaveCount(1);
  await page.getByLabel('Search members').fill('');
  await expect.poll(() => before!.evaluate((el) => el.isConnected)).toBe(false);
  await expect(controlOf(SANDBOX.users.ada)).toHaveAttribute('data-ssa-state', 'done');
  const [again] = await controlParts(page, SANDBOX.users.ada);
  expect(again!.status).toContain('Signed Ada Lovelace');
  await expect(controlOf(SANDBOX.users.grace)).not.toHaveAttribute('data-ssa-state', 'done');
});

test('the control sits on the name’s line: a row with it is as tall as the page drew it without', async ({
  extension,
}) => {
  const page = await extension.context.newPage();
  await page.goto(WORKSPACE_ADMIN);
  const row = page.locator(`tr[data-member-id="${SANDBOX.users.ada}"]`);
  await row.waitFor();
  const control = page.locator(`${CONTROLS}[data-ssa-user="${SANDBOX.users.ada}"]`);
  await expect(control).toBeAttached();
  const withControl = (await row.boundingBox())!.height;
  const nameLine = (await row.getByRole('link', { name: 'Ada Lovelace' }).boundingBox())!;
  const box = (await control.boundingBox())!;
  // Beside the name and handle, not on a line of its own between them.
  expect(box.x).toBeGreaterThan(nameLine.x + nameLine.width);
  await control.evaluate((el) => el.remove());
  const without = (await row.boundingBox())!.height;
  expect(withControl).toBe(without);
});

test('rows the page marks as a bot, the primary owner or deactivated get a disabled control that says why', async ({
  extension,
}) => {
  const page = await extension.context.newPage();
  await page.goto(WORKSPACE_ADMIN);
  for (const [userId, why] of [
    [SANDBOX.users.bot, 'Bot user'],
    [SANDBOX.users.primaryOwner, 'Primary owner'],
    [SANDBOX.users.deleted, 'Deactivated account'],
  ] as const) {
    const control = page.locator(`${CONTROLS}[data-ssa-user="${userId}"]`);
    await control.scrollIntoViewIfNeeded();
    await expect(control).toHaveAttribute('data-ssa-state', 'unavailable');
    await expect(control).toHaveAttribute('title', new RegExp(`^${why}`));
    const [parts] = await controlParts(page, userId);
    expect(parts!.button).toBe('Reset sessions');
    expect(parts!.status).toMatch(new RegExp(`^${why}`));
  }
  const ada = page.locator(`${CONTROLS}[data-ssa-user="${SANDBOX.users.ada}"]`);
  await expect(ada).not.toHaveAttribute('data-ssa-state', 'unavailable');
  // Disabled: a click opens nothing.
  const pages = extension.context.pages().length;
  await clickControl(page, SANDBOX.users.bot);
  await page.waitForTimeout(500);
  expect(extension.context.pages().length).toBe(pages);
});
