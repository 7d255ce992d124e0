import { askBackground, expect, OPTIONS, test } from './fixtures';

test('an invalid member selector is refused with the browser’s reason and nothing is saved', async ({
  extension,
}) => {
  const options = await extension.page(OPTIONS);
  const field = options.getByLabel('Extra member selectors');
  await field.fill('.custom-member\ndiv[');
  await options.getByRole('button', { name: 'Save selectors' }).click();

  const alert = options.getByRole('alert').filter({ hasText: 'Line 2' });
  await expect(alert).toContainText('Line 2: `div[` is not a valid CSS selector:');
  // The browser's own words follow, not a made-up sentence.
  await expect(alert).toContainText(/not a valid selector/i);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(options.getByRole('status')).not.toContainText('saved');

  const saved = await askBackground<{ value: { extraMemberSelectors: string[] } }>(options, {
    type: 'ui/settings/get',
  });
  expect(saved.value.extraMemberSelectors).toEqual([]);

  // The background refuses one too, even if a page skips the check.
  const direct = await askBackground<{ ok: boolean; error?: { message: string } }>(options, {
    type: 'ui/settings/set',
    preferences: { extraMemberSelectors: ['div['] },
  });
  expect(direct.ok).toBe(false);
  expect(direct.error?.message).toContain('`div[` is not a valid CSS selector');

  await field.fill('.custom-member\ndiv[data-member]');
  await expect(alert).toHaveCount(0);
  await options.getByRole('button', { name: 'Save selectors' }).click();
  await expect(options.getByRole('status')).toContainText('selectors saved');
});
