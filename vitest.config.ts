import { defineConfig } from 'vitest/config';

/**
 * Unit and component tests. The end-to-end suite (real Chromium) has its own config,
 * vitest.e2e.config.ts, because it needs the built renderer and a server.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Property and real-database tests take seconds on a loaded two-core machine; a time limit
          // guards against hanging, never checks speed (speed is measured by npm run bench).
          testTimeout: 30_000,
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/unit/setup/lateForeignPromises.ts'],
        },
      },
      {
        esbuild: { jsx: 'automatic' },
        test: {
          name: 'component',
          testTimeout: 30_000,
          include: ['test/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['test/component/setup.ts'],
        },
      },
    ],
  },
});
