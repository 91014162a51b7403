import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bidiProblems, checkUyghurBidi } from '../../../scripts/locale-checks/bidi.mjs';

const LRI = '\u2066';
const PDI = '\u2069';

/** locales/ug as "namespace:key" → value, as scripts/check-locales.mjs reads it. */
function uyghurEntries(): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const dir = new URL('../../../locales/ug/', import.meta.url);
  const walk = (ns: string, node: unknown, prefix: string) => {
    if (typeof node === 'object' && node !== null) for (const [k, v] of Object.entries(node)) walk(ns, v, prefix ? `${prefix}.${k}` : k);
    else out.set(`${ns}:${prefix}`, node);
  };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) walk(file.replace(/\.json$/, ''), JSON.parse(readFileSync(new URL(file, dir), 'utf8')), '');
  return out;
}

describe('the Uyghur bidi check (npm test: scripts/check-locales.mjs)', () => {
  it('passes on the Uyghur locale as it is', () => {
    expect(checkUyghurBidi(uyghurEntries())).toEqual([]);
  });

  it.each([
    ['a phone number', 'ئۆي تېلېفونى مەسىلەن 0996-4622345', 'phone number'],
    ['a date', 'مەسىلەن 2019-05-04.', 'date'],
    ['a file extension', 'ماس قەدەملەش ھۆججىتى (.leaguesync)', 'file name'],
    ['a URL', 'مەسىلەن http://127.0.0.1:5984/league-lt', 'URL'],
    ['a range', '14–35 ياشلىق ياشلار', 'range'],
    ['a pair of placeholders', 'باھالاندى {{done}} / {{total}}', 'pair'],
    ['a number with separators', 'جەمئىي 12,028 ئادەم', 'number with separators'],
    ['a code', 'مەسىلەن LT-03', 'code'],
    ['an arrow pointing left to right', '{{from}} → {{to}}', 'arrow'],
    ['a detached case ending', 'بۇ جەدۋەل {{found}} غا تەۋە', 'case ending'],
    ['a bidi mark instead of an isolate', 'ئىناۋەتلىك \u200E.docx ھۆججىتى', 'mark'],
    ['an unpaired isolate', `مەسىلەن ${LRI}LT-03`, 'pair up'],
  ])('fails on a planted string with %s', (_what, value, expected) => {
    const problems = checkUyghurBidi(new Map([['planted:key', value]]));
    expect(problems.join('\n')).toContain(expected);
  });

  it('accepts the same runs isolated, plain words and digits, and ← in a Uyghur string', () => {
    for (const value of [
      `ئۆي تېلېفونى مەسىلەن ${LRI}0996-4622345${PDI}`,
      `${LRI}14–35${PDI} ياشلىق ياشلار`,
      `باھالاندى ${LRI}{{done}} / {{total}}${PDI}`,
      '{{from}} ← {{to}}',
      'Excel ياكى WPS-تە ئېچىڭ، 2025-يىلى 30 ئادەم',
      'بۇ جەدۋەل {{found, dative}} تەۋە',
    ]) {
      expect(bidiProblems(value), value).toEqual([]);
    }
  });

  it('leaves the command line out: a terminal runs no bidi algorithm', () => {
    expect(checkUyghurBidi(new Map([['cli:usage.main', 'league-desk --help']]))).toEqual([]);
  });
});
