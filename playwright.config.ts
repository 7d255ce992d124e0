import { defineConfig } from '@playwright/test';

/**
 * Specs that assert exact pacing against the fake's rate limits. They run on their own, after
 * the rest (`npm test` runs the two projects one after the other): beside a second browser on
 * two cores, twenty resets can outlast a scaled-down window and change what a 429 teaches.
 */
const PACED = ['**/rate-limits.spec.ts'];

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: false,
  // Two cores: one browser per worker keeps each test's timing honest.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'off' },
  projects: [
    { name: 'e2e', testIgnore: PACED },
    { name: 'paced', testMatch: PACED },
  ],
});
