import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The renderer is built once and served the same way to Electron (app://league-desk/) and to a
 * browser (browser mode), so every asset URL is relative and nothing is fetched from elsewhere:
 * fonts are bundled from @fontsource.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    // LEAGUE_DESK_DIST: another output folder (absolute), so two checkouts can build side by side.
    outDir: process.env.LEAGUE_DESK_DIST ?? '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    // Fonts and images stay files: the Content-Security-Policy allows fonts from 'self' only, not data: URIs.
    assetsInlineLimit: 0,
  },
  server: { host: '127.0.0.1', strictPort: true },
});
