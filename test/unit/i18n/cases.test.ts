import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as i18n from '../../../shared/i18n/index';
import { I18N_CASES, runI18nCase } from '../../fixtures/i18n-cases';

// The same table runs inside Chromium (test/e2e/i18n-in-chromium.test.ts). Here it also runs
// under three time zones: a calendar date must never move, whatever the clock's offset.
const TIME_ZONES = ['Asia/Urumqi', 'Pacific/Honolulu', 'Pacific/Kiritimati'];

describe('the i18n case table', () => {
  it('names every case uniquely, so a failure points at one row', () => {
    const names = I18N_CASES.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  describe.each(TIME_ZONES)('with the clock in %s', (timeZone) => {
    const previous = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = timeZone;
    });
    afterAll(() => {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    });

    it('really runs in that zone', () => {
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(timeZone);
    });

    it.each(I18N_CASES)('$fn: $name', (testCase) => {
      expect(runI18nCase(i18n, testCase)).toEqual(testCase.expected);
    });
  });
});
