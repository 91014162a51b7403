import { defineConfig } from 'vitest/config';

/**
 * Unit and component tests. The end-to-end suite (real Chromium) has its own config,
 * vitest.e2e.config.ts, because it needs the built renderer and a server.
 */
export default defineConfig({
  test: {
    // Property tests and real-database tests take seconds on a loaded two-core machine; a test's
    // time limit is a guard against hanging, never a speed check (speed is measured by npm run bench).
    testTimeout: 30_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/unit/setup/lateForeignPromises.ts'],
        },
      },
      {
        esbuild: { jsx: 'automatic' },
        test: {
          name: 'component',
          include: ['test/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['test/component/setup.ts'],
        },
      },
    ],
  },
});
