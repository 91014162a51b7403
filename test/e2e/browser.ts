import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from '../../scripts/chromium.mjs';

export const ARTIFACTS = path.resolve('test/artifacts');
export const SCREENS = path.join(ARTIFACTS, 'screens');

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/**
 * A page in a fresh profile (its own IndexedDB and localStorage) that records what must never
 * happen: a request leaving 127.0.0.1, a console error, an uncaught exception.
 */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  offHostRequests: string[];
  consoleErrors: string[];
}

export async function openWatchedPage(browser: Browser, baseUrl: string, options: { initScript?: () => void } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN', acceptDownloads: true });
  if (options.initScript) await context.addInitScript(options.initScript);
  const offHostRequests: string[] = [];
  const consoleErrors: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1') offHostRequests.push(request.url());
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await page.goto(baseUrl);
  return { context, page, offHostRequests, consoleErrors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  // Let fonts finish so the picture shows the real glyphs, not fallbacks.
  await page.evaluate(() => document.fonts.ready);
  // Dialogs fade in: finish transitions so the picture shows the settled screen.
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true, animations: 'disabled' });
}
