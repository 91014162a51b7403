import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { I18N_CASES } from '../fixtures/i18n-cases';

/*
 * Chromium, and so Electron, carries no Uyghur locale data, while Node does. This runs the whole
 * case table of test/fixtures/i18n-cases.ts inside real Chromium, the way the renderer will run
 * shared/i18n, and documents the platform fact that makes it necessary.
 */

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
const LAUNCH_TIMEOUT = 60_000;
const INSTALL_HINT = `Chromium is required for this test (looked at ${CHROMIUM_PATH}). Install it with \`apt-get install -y chromium\`, or set CHROMIUM_PATH.`;

/**
 * Two clocks far apart, so that a date moved by a time-zone offset would show, and the two
 * browser locales the app runs under (its Uyghur and its Chinese UI).
 */
const CLOCKS = [
  { timeZone: 'Asia/Urumqi', locale: 'ug-CN' },
  { timeZone: 'Pacific/Honolulu', locale: 'zh-CN' },
] as const;

const fromHere = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/** An esbuild bundle, in memory, that defines `globalName` on the page. */
async function bundle(entry: string, globalName: string): Promise<string> {
  const result = await build({
    entryPoints: [fromHere(entry)],
    bundle: true,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced nothing for ${entry}`);
  return output.text;
}

async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(INSTALL_HINT);
  try {
    return await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: LAUNCH_TIMEOUT });
  } catch (error) {
    throw new Error(`${INSTALL_HINT}\nLaunch failed: ${String(error)}`);
  }
}

/** Runs `make` once, on first use, and hands every caller the same promise. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/*
 * Set up lazily inside the tests rather than in beforeAll: a failing hook makes vitest report its
 * tests as skipped, and a missing Chromium must show as failures, each naming the fix.
 */
const browserReady = once(launch);
const i18nBundle = once(() => bundle('../../shared/i18n/index.ts', 'LeagueI18n'));
// Type-only imports: this bundle is the table and its runner, with no copy of shared/i18n.
const fixtureBundle = once(() => bundle('../fixtures/i18n-cases.ts', 'I18nFixture'));

/** A fresh context on about:blank with the shared/i18n bundle loaded as `LeagueI18n`. */
async function openPage(options: { timezoneId?: string; locale?: string } = {}): Promise<Page> {
  const [browser, script] = await Promise.all([browserReady(), i18nBundle()]);
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto('about:blank');
  await page.addScriptTag({ content: script });
  return page;
}

afterAll(async () => {
  const browser = await browserReady().catch(() => undefined);
  await browser?.close();
}, LAUNCH_TIMEOUT);

describe('the platform trap', () => {
  /*
   * Seen with Chromium 156, asking for new Intl.DateTimeFormat('ug', { dateStyle: 'long' }) and
   * formatting 2026-11-22, with the browser's own locale set to:
   *   (none, en-US) → locale 'en-US', "November 22, 2026"
   *   ug-CN         → locale 'ug-CN' (!), "2026 M11 22": root-locale fallback, no Uyghur data
   *   zh-CN         → locale 'zh-CN', "2026年11月22日": a Uyghur screen would show Chinese dates
   * supportedLocalesOf(['ug']) is [] in all three, and Intl.Collator('ug') sorts in root order.
   * Should a later Chromium ship Uyghur data, these tests fail: keep our own code anyway (the
   * official date style is not CLDR's, and ICU has no Uyghur collation), and update this note.
   */
  it.each(['en-US', 'ug-CN', 'zh-CN'])("with the browser's locale %s, Intl('ug') writes no Uyghur", async (locale) => {
    const page = await openPage({ locale });
    const chromiumSays = await page.evaluate(() => {
      const dates = new Intl.DateTimeFormat('ug', { dateStyle: 'long' });
      return {
        locale: dates.resolvedOptions().locale,
        text: dates.format(new Date(2026, 10, 22)),
        month: new Intl.DateTimeFormat('ug', { month: 'long' }).format(new Date(2026, 10, 22)),
        supported: Intl.DateTimeFormat.supportedLocalesOf(['ug', 'ug-CN']),
      };
    });
    const seen = JSON.stringify(chromiumSays);
    expect(!chromiumSays.locale.startsWith('ug') || /[A-Za-z]/.test(chromiumSays.text), seen).toBe(true);
    expect(/\p{Script=Arabic}/u.test(chromiumSays.text + chromiumSays.month), seen).toBe(false);
    expect(chromiumSays.supported, seen).toEqual([]);
  }, LAUNCH_TIMEOUT);

  it("Chromium's Intl.Collator('ug') files every vowel-initial word before ب; ours does not", async () => {
    const page = await openPage({ locale: 'ug-CN' });
    const words = ['دېكابىر', 'ئۆكتەبىر', 'بازار', 'ئاپرېل'];
    const ours = (await page.evaluate(`${JSON.stringify(words)}.sort(LeagueI18n.createCollator('ug').compare)`)) as string[];
    const chromium = (await page.evaluate(`${JSON.stringify(words)}.sort(new Intl.Collator('ug').compare)`)) as string[];
    expect(chromium).toEqual(['ئاپرېل', 'ئۆكتەبىر', 'بازار', 'دېكابىر']);
    expect(ours).toEqual(['ئاپرېل', 'بازار', 'دېكابىر', 'ئۆكتەبىر']);
  }, LAUNCH_TIMEOUT);

  it('while our bundle, in the same page, writes the Uyghur date', async () => {
    const page = await openPage({ locale: 'ug-CN' });
    const ours = await page.evaluate('LeagueI18n.formatDate("2026-11-22", "ug")');
    expect(ours).toBe('2026-يىلى 11-ئاينىڭ 22-كۈنى');
  }, LAUNCH_TIMEOUT);
});

describe.each(CLOCKS)('every case of the table, in Chromium in $timeZone with locale $locale', ({ timeZone, locale }) => {
  const results = once(async () => {
    const page = await openPage({ timezoneId: timeZone, locale });
    await page.addScriptTag({ content: await fixtureBundle() });
    expect(await page.evaluate('Intl.DateTimeFormat().resolvedOptions().timeZone')).toBe(timeZone);
    // A string, not a function: the page evaluates it as written, with no test-runner transforms.
    const outcomes = (await page.evaluate(`I18nFixture.I18N_CASES.map((testCase) => {
      try {
        return { name: testCase.name, value: I18nFixture.runI18nCase(LeagueI18n, testCase) };
      } catch (error) {
        return { name: testCase.name, value: 'threw ' + String(error) };
      }
    })`)) as Array<{ name: string; value: unknown }>;
    return new Map(outcomes.map(({ name, value }) => [name, value]));
  });

  it('ran all of them', async () => {
    expect([...(await results()).keys()]).toEqual(I18N_CASES.map((c) => c.name));
  }, LAUNCH_TIMEOUT);

  it.each(I18N_CASES)('$fn: $name', async (testCase) => {
    expect((await results()).get(testCase.name)).toEqual(testCase.expected);
  }, LAUNCH_TIMEOUT);
});

/**
 * The property tests prove the collators are total orders with Node's ICU; Chinese goes through
 * Chromium's ICU instead, so check a fixed sample there too. Letters, the hamza carrier,
 * presentation forms, lookalikes, marks, joiners, digits of several scripts, Latin, Chinese.
 */
const STRESS_CHARS = Array.from('ائەبھوۇۆۈېىيكگڭ\uFE91\uFBE9\uFEEBکیه\u0640\u064E\u200C 0159٣۵५aAé团轮阿\u{1F600}-');
const STRESS_TEXTS = [
  ...new Set(
    fc.sample(fc.array(fc.constantFrom(...STRESS_CHARS), { maxLength: 6 }).map((chars) => chars.join('')), { seed: 2026, numRuns: 400 }),
  ),
];

describe.each(['ug', 'zh-CN'])('the %s collator is a total order in Chromium too', (lang) => {
  it('every pair of a sorted sample is in order, and compare is antisymmetric', async () => {
    const page = await openPage({ locale: 'ug-CN' });
    const broken = (await page.evaluate(
      `((texts, lang) => {
        const { compare } = LeagueI18n.createCollator(lang);
        const sorted = [...texts].sort(compare);
        const broken = [];
        for (let i = 0; i < sorted.length; i++) {
          for (let j = i + 1; j < sorted.length; j++) {
            const forward = compare(sorted[i], sorted[j]);
            const backward = compare(sorted[j], sorted[i]);
            if (forward !== -1 || backward !== 1) broken.push([sorted[i], sorted[j], forward, backward]);
          }
        }
        return broken.slice(0, 5);
      })(${JSON.stringify(STRESS_TEXTS)}, ${JSON.stringify(lang)})`,
    )) as unknown[];
    expect(STRESS_TEXTS.length).toBeGreaterThan(300);
    expect(broken).toEqual([]);
  }, LAUNCH_TIMEOUT);
});

/** Left edges of the characters of `#id`'s text, as drawn, in the order they are stored. */
async function drawnPositions(page: Page, id: string): Promise<Array<{ char: string; left: number }>> {
  return page.evaluate(`(() => {
    const node = document.getElementById(${JSON.stringify(id)}).firstChild;
    const range = document.createRange();
    return Array.from(node.data, (char, at) => {
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return { char, left: range.getBoundingClientRect().left };
    });
  })()`);
}

/** Whether the visible characters of `#id` are drawn left to right in stored order. */
async function drawnInStoredOrder(page: Page, id: string): Promise<boolean> {
  const visible = (await drawnPositions(page, id)).filter(({ char }) => !/[\u2066-\u2069]/.test(char));
  return visible.every((current, at) => at === 0 || (visible[at - 1]?.left ?? Infinity) < current.left);
}

describe('right-to-left display in Chromium', () => {
  /** Each value in its own right-to-left paragraph, after a Uyghur label unless it stands alone. */
  const rtlPage = once(async () => {
    const page = await openPage({ locale: 'ug-CN' });
    await page.evaluate(`(() => {
      const I = LeagueI18n;
      const rows = {
        percentIsolated: I.formatPercent(-0.032, 'ug'),
        percentPlain: I.formatPercent(-0.032, 'ug', 1, { bidi: 'plain' }),
        aloneIsolated: I.formatPercent(-0.486, 'ug'),
        alonePlain: I.formatPercent(-0.486, 'ug', 1, { bidi: 'plain' }),
        shortIsolated: I.formatDate('2026-01-05', 'ug', 'short'),
        shortPlain: I.formatDate('2026-01-05', 'ug', 'short', { bidi: 'plain' }),
        longDate: I.formatDateTime(new Date(2026, 10, 22, 14, 5), 'ug'),
      };
      document.documentElement.lang = 'ug';
      document.body.style.font = '24px "Noto Naskh Arabic", "DejaVu Sans", sans-serif';
      for (const [id, text] of Object.entries(rows)) {
        const line = document.createElement('p');
        line.dir = 'rtl';
        if (!id.startsWith('alone') && id !== 'longDate') line.append('ئىتتىپاق ئەزالىرىنىڭ ياشلارغا نىسبىتى ');
        const value = document.createElement('span');
        value.id = id;
        value.textContent = text;
        line.append(value);
        document.body.append(line);
      }
    })()`);
    return page;
  });

  it('an isolated Uyghur percentage after Uyghur text reads "-3.2%" left to right', async () => {
    expect(await drawnInStoredOrder(await rtlPage(), 'percentIsolated')).toBe(true);
  }, LAUNCH_TIMEOUT);

  it('without the isolate the same text is scrambled, which is why isolate is the default', async () => {
    const drawn = await drawnPositions(await rtlPage(), 'percentPlain');
    const left = (char: string) => drawn.find((d) => d.char === char)?.left ?? Number.NaN;
    expect(left('-')).toBeGreaterThan(left('3')); // the minus lands right of the digits
    expect(left('%')).toBeLessThan(left('2')); // and the percent sign left of them
  }, LAUNCH_TIMEOUT);

  it('a lone negative percentage in a right-to-left cell: isolated reads right, plain does not', async () => {
    expect(await drawnInStoredOrder(await rtlPage(), 'aloneIsolated')).toBe(true);
    expect(await drawnInStoredOrder(await rtlPage(), 'alonePlain')).toBe(false);
  }, LAUNCH_TIMEOUT);

  it('a short date after Uyghur text keeps its year-month-day order only when isolated', async () => {
    expect(await drawnInStoredOrder(await rtlPage(), 'shortIsolated')).toBe(true);
    expect(await drawnInStoredOrder(await rtlPage(), 'shortPlain')).toBe(false);
  }, LAUNCH_TIMEOUT);

  it('a long date needs no marks: year rightmost, then month, then day, then the time', async () => {
    const drawn = await drawnPositions(await rtlPage(), 'longDate');
    const text = drawn.map((d) => d.char).join('');
    const leftOf = (part: string) => drawn[text.indexOf(part)]?.left ?? Number.NaN;
    expect(leftOf('2026')).toBeGreaterThan(leftOf('11'));
    expect(leftOf('11')).toBeGreaterThan(leftOf('22'));
    expect(leftOf('22')).toBeGreaterThan(leftOf('14:05'));
    // Each number still reads left to right: "2026", not "6202"; "14:05", not "50:41".
    expect(leftOf('2026')).toBeLessThan(drawn[text.indexOf('2026') + 3]?.left ?? Number.NaN);
    expect(leftOf('14')).toBeLessThan(leftOf('05'));
  }, LAUNCH_TIMEOUT);
});
