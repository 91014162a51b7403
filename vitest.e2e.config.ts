import { defineConfig } from 'vitest/config';

/**
 * End to end in real Chromium (browser mode), against the built renderer served on 127.0.0.1.
 * One file at a time: two cores, and each file starts its own browser.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
