import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'test/fake-slack/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/support/unit-setup.ts'],
    restoreMocks: true,
    testTimeout: 20_000,
  },
});
