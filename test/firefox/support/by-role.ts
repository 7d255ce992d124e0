/**
 * Finding a page's controls as a person (and a screen reader) does: by role and accessible
 * name, through puppeteer's ARIA query handler. Element handles rather than puppeteer's
 * locators: under BiDi in Firefox a locator's actions time out on elements they can see.
 */
import type { ElementHandle, Page } from 'puppeteer-core';

type Scope = Page | ElementHandle;

function ariaSelector(role: string, name?: string): string {
  const named = name === undefined ? '' : `[name=${JSON.stringify(name)}]`;
  const withRole = role === '' ? '' : `[role=${JSON.stringify(role)}]`;
  return `::-p-aria(${named}${withRole})`;
}

/** Every element of `role` (named `name`, exactly, when given) inside `scope`. */
export function allByRole(scope: Scope, role: string, name?: string): Promise<ElementHandle[]> {
  return scope.$$(ariaSelector(role, name));
}

/** The first element of `role` named `name`, once there is one. */
export async function byRole(
  scope: Scope,
  role: string,
  name?: string,
  timeoutMs = 10_000,
): Promise<ElementHandle> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await scope.$(ariaSelector(role, name)).catch(() => null);
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(`No ${role}${name === undefined ? '' : ` named “${name}”`} appeared.`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Clicks the element of `role` named `name` once it is there and enabled. */
export async function clickByRole(scope: Scope, role: string, name: string): Promise<void> {
  const element = await byRole(scope, role, name);
  const deadline = Date.now() + 10_000;
  while (await element.evaluate((e) => (e as HTMLButtonElement).disabled === true)) {
    if (Date.now() > deadline) throw new Error(`The ${role} “${name}” stayed disabled.`);
    await new Promise((done) => setTimeout(done, 100));
  }
  await element.click();
}

/**
 * The form field labelled `label`. A password field has no ARIA role: pass role '' to find it
 * by its label alone (the label element has the name too; the field it names is returned).
 */
export async function fieldByLabel(page: Page, label: string, role = 'textbox') {
  await byRole(page, role, label);
  const named = await allByRole(page, role, label);
  const flags = await Promise.all(named.map((e) => e.evaluate((node) => 'value' in node)));
  const field = named[flags.indexOf(true)];
  if (!field) throw new Error(`“${label}” names no field.`);
  return field;
}

/** Types `text` into the field labelled `label`, replacing what was there. */
export async function fillByLabel(
  page: Page,
  label: string,
  text: string,
  role = 'textbox',
): Promise<void> {
  const field = await fieldByLabel(page, label, role);
  // Into the field with the mouse, as a person does; then select what is there and type over it.
  await field.click();
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
  const typed = await field.evaluate((input) => (input as HTMLInputElement).value);
  if (typed !== text) throw new Error(`The field “${label}” holds “${typed}”, not what was typed.`);
}

/** The visible text of every element of `role`, one per line ('' while there is none). */
export async function textOf(scope: Scope, role: string, name?: string): Promise<string> {
  const elements = await allByRole(scope, role, name).catch(() => []);
  const texts = await Promise.all(
    elements.map((e) => e.evaluate((node) => (node as HTMLElement).textContent ?? '')),
  );
  return texts.join('\n');
}
