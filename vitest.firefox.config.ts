import { defineConfig } from 'vitest/config';

/**
 * The Firefox end-to-end run (`npm run test:firefox`): the Firefox build in firefox-esr over
 * WebDriver BiDi, against the fake Slack. One file at a time: one browser on two cores.
 */
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
