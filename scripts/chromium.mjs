// Where the end-to-end tests and benchmarks find Chromium. Never silently skip: no Chromium, no pass.
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const NO_CHROMIUM_MESSAGE =
  'No Chromium found. Install Debian\'s: `sudo apt-get install -y chromium` (it lands in /usr/bin/chromium), or set CHROMIUM_PATH to a Chromium or Chrome binary.';

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}
