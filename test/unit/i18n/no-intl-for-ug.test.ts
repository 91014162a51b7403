import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as i18n from '../../../shared/i18n/index';
import { I18N_CASES, runI18nCase } from '../../fixtures/i18n-cases';

/*
 * Node has Uyghur ICU data, so if format.ts or collate.ts handed 'ug' to Intl, every other unit
 * test would still pass here and the app would print English in Chromium. This test makes Node
 * behave worse than Chromium: every Intl constructor throws when asked for Uyghur or for the
 * default locale, and the locale-sensitive prototype methods throw always. The whole case table
 * must still come out right, and the Chinese cases must visibly go through the guarded Intl.
 */
const INTL_CONSTRUCTORS = [
  'Collator',
  'DateTimeFormat',
  'DisplayNames',
  'ListFormat',
  'Locale',
  'NumberFormat',
  'PluralRules',
  'RelativeTimeFormat',
  'Segmenter',
] as const;

const LOCALE_METHODS: ReadonlyArray<readonly [object, string]> = [
  [Number.prototype, 'toLocaleString'],
  [BigInt.prototype, 'toLocaleString'],
  [Date.prototype, 'toLocaleString'],
  [Date.prototype, 'toLocaleDateString'],
  [Date.prototype, 'toLocaleTimeString'],
  [String.prototype, 'localeCompare'],
  [String.prototype, 'toLocaleUpperCase'],
  [String.prototype, 'toLocaleLowerCase'],
  [Array.prototype, 'toLocaleString'],
];

const intlCalls: string[] = [];
const restorers: Array<() => void> = [];

function refuseUyghur(name: string, locales: unknown): void {
  const requested = locales === undefined ? [] : ([] as unknown[]).concat(locales).map(String);
  if (requested.length === 0 || requested.some((tag) => /^ug\b/i.test(tag))) {
    throw new Error(`Intl.${name} was asked for ${JSON.stringify(locales)}`);
  }
  intlCalls.push(`${name}(${requested.join()})`);
}

function replace(owner: object, key: string, value: unknown): void {
  const original = Object.getOwnPropertyDescriptor(owner, key);
  if (!original) throw new Error(`nothing to replace at ${key}`);
  Object.defineProperty(owner, key, { ...original, value });
  restorers.push(() => Object.defineProperty(owner, key, original));
}

beforeEach(() => {
  intlCalls.length = 0;
  for (const name of INTL_CONSTRUCTORS) {
    const Real = Intl[name] as unknown as new (...args: unknown[]) => unknown;
    const guard = new Proxy(Real, {
      construct(target, args, newTarget) {
        refuseUyghur(name, args[0]);
        return Reflect.construct(target, args, newTarget) as object;
      },
      apply(target, thisArg, args) {
        refuseUyghur(name, args[0]);
        return Reflect.apply(target, thisArg, args) as unknown;
      },
    });
    replace(Intl, name, guard);
  }
  for (const [prototype, key] of LOCALE_METHODS) {
    replace(prototype, key, () => {
      throw new Error(`${key} was called`);
    });
  }
});

function restoreLocaleApis(): void {
  while (restorers.length) restorers.pop()?.();
}

afterEach(restoreLocaleApis);

describe('Uyghur never goes through Intl', () => {
  it('every case of the table comes out right with Intl refusing Uyghur', () => {
    const results = I18N_CASES.map((testCase) => {
      try {
        return { name: testCase.name, value: runI18nCase(i18n, testCase) };
      } catch (error) {
        return { name: testCase.name, value: String(error) };
      }
    });
    const calls = [...intlCalls];
    restoreLocaleApis(); // before expect, which may format with Intl itself

    expect(results).toEqual(I18N_CASES.map((testCase) => ({ name: testCase.name, value: testCase.expected })));
    // The guard is what the module really calls: Chinese went through it.
    expect(calls).toContain('NumberFormat(zh-CN)');
    expect(calls).toContain('DateTimeFormat(zh-CN)');
    expect(calls).toContain('Collator(zh-CN)');
  });

  it('the guard itself would catch a module that asked Intl for Uyghur', () => {
    expect(() => new Intl.NumberFormat('ug')).toThrow(/asked for "ug"/);
    expect(() => new Intl.DateTimeFormat(['ug-CN'])).toThrow(/asked for/);
    expect(() => new Intl.Collator()).toThrow(/asked for/);
    expect(() => (1).toLocaleString('ug')).toThrow(/called/);
  });
});
