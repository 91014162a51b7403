import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
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

/** The office screen the app is built for and looked at (screenshots of every screen are taken at it). */
export const OFFICE_SCREEN = { width: 1366, height: 768 };

/**
 * What the browser answers when the app asks to keep its data (navigator.storage.persist). Headless
 * Chromium refuses a fresh profile, where the app then shows its storage banner on every page; the
 * tests stand for an office PC where the data is kept ('persisted', like the desktop app) unless
 * they are about the refusal.
 */
export type StorageAnswer = 'persisted' | 'refused';

export async function openWatchedPage(
  browser: Browser,
  baseUrl: string,
  options: { initScript?: () => void; storage?: StorageAnswer } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: OFFICE_SCREEN, locale: 'zh-CN', acceptDownloads: true });
  await context.addInitScript((persisted: boolean) => {
    for (const method of ['persist', 'persisted'] as const) {
      Object.defineProperty(StorageManager.prototype, method, { configurable: true, value: async () => persisted });
    }
  }, (options.storage ?? 'persisted') === 'persisted');
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

/** Saves the whole page, or with `fullPage: false` what the window shows. */
export async function screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  // Let fonts finish so the picture shows the real glyphs, not fallbacks.
  await page.evaluate(() => document.fonts.ready);
  // Dialogs fade in: finish transitions so the picture shows the settled screen.
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage, animations: 'disabled' });
}

/**
 * One Chromium per test file, and a fresh profile ("a PC") per call. After each test every page
 * is checked for what must never happen: a request leaving 127.0.0.1, a console error. With
 * `downloads`, the save-file picker is removed so saves arrive as downloads the test can read;
 * `storage` is the browser's answer to keeping the data (default 'persisted').
 */
export function usePcs(
  baseUrl: string,
  options: { downloads?: boolean; storage?: StorageAnswer } = {},
): (overrides?: { storage?: StorageAnswer }) => Promise<WatchedPage> {
  let browser: Browser;
  const opened: WatchedPage[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const { context, offHostRequests, consoleErrors } of opened.splice(0)) {
      await context.close();
      expect(offHostRequests, 'requests that left 127.0.0.1').toEqual([]);
      expect(consoleErrors, 'console errors').toEqual([]);
    }
  });
  return async (overrides: { storage?: StorageAnswer } = {}) => {
    const watched = await openWatchedPage(browser, baseUrl, {
      initScript: options.downloads ? () => delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker : undefined,
      storage: overrides.storage ?? options.storage,
    });
    opened.push(watched);
    return watched;
  };
}

export interface SavedFile {
  name: string;
  bytes: Buffer;
}

/** Clicks a button that saves a file (browser mode: a download) and returns the file. */
export async function download(page: Page, testId: string): Promise<SavedFile> {
  const pending = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await pending;
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** Clicks a button that opens files and hands it these. */
export async function chooseFiles(page: Page, testId: string, files: SavedFile[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(testId).click();
  await (await chooser).setFiles(files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: f.bytes })));
}

/** A left-to-right isolate, as shared/i18n/format wraps Uyghur numbers. */
export const ltr = (text: string): string => `\u2066${text}\u2069`;
