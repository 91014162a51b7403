import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { usePcs } from './browser';

const open = usePcs(inject('baseUrl'));

/** The fonts Chromium actually drew an element's text with (DevTools' "Rendered fonts"), by family. */
async function renderedFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((f) => f.familyName);
}

describe('the fonts Uyghur screens are drawn in', () => {
  it('draw Uyghur letters in Naskh, and digits and Latin punctuation in the Latin face, so 88.50 never reads as 88,50', async () => {
    const { page } = await open();
    await page.getByTestId('first-start').waitFor();
    await page.getByTestId('lang-ug').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    // The demo's description: Uyghur words and numbers with separators in one sentence.
    const sentence = await renderedFonts(page, '[data-testid="demo-description"]');
    expect(sentence.some((f) => /Naskh/u.test(f))).toBe(true);
    expect(sentence.some((f) => /Noto Sans SC/u.test(f))).toBe(true);
    // The app's version, digits and dots only: no Naskh glyph in it.
    await page.getByTestId('load-demo').click();
    await page.getByTestId('overview').waitFor();
    await page.getByTestId('nav-about').click();
    await page.getByTestId('about-version').waitFor();
    const version = await renderedFonts(page, '[data-testid="about-version"] bdi');
    expect(version.length).toBeGreaterThan(0);
    expect(version.filter((f) => /Naskh/u.test(f))).toEqual([]);
  });
});
