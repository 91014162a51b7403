import { describe, expect, it } from 'vitest';
import { codeAndName } from '../../../shared/i18n/format';

const name = { zh: '托格拉克乡', ug: 'توغراق يېزىسى' };

describe('codeAndName: an organisation as "code name" inside either language', () => {
  it('isolates the code left-to-right in Uyghur and the name in its own direction', () => {
    expect(codeAndName('LT-03', name, 'ug')).toBe('\u2066LT-03\u2069 \u2068توغراق يېزىسى\u2069');
  });

  it('leaves the code plain in Chinese (the name still isolated: it may be Uyghur when no Chinese is given)', () => {
    expect(codeAndName('LT-03', name, 'zh-CN')).toBe('LT-03 \u2068托格拉克乡\u2069');
    expect(codeAndName('LT-03', { zh: '', ug: 'توغراق يېزىسى' }, 'zh-CN')).toBe('LT-03 \u2068توغراق يېزىسى\u2069');
  });
});
