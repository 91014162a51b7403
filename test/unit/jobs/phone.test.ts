import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidPhone, maskPhone, phoneKind } from '../../../shared/jobs/phone';
import { noticeSchema } from '../../../shared/jobs/rows';
import { notice } from './fixtures';

describe('phone numbers', () => {
  it('accepts Chinese mobiles 1[3-9] + 9 digits and landlines with an area code', () => {
    expect(phoneKind('13812345678')).toBe('mobile');
    expect(phoneKind('19912345678')).toBe('mobile');
    expect(phoneKind('0996-4621234')).toBe('landline');
    expect(phoneKind('09964621234')).toBe('landline');
    expect(phoneKind('010-12345678')).toBe('landline');
    expect(phoneKind('138 1234 5678')).toBe('mobile');
    expect(phoneKind('１３８１２３４５６７８')).toBe('mobile');
  });

  it('refuses numbers that cannot be dialled', () => {
    for (const bad of ['12812345678', '1381234567', '138123456789', '4621234', '0996-462', '996-4621234', '+8613812345678', 'abc', '']) {
      expect(isValidPhone(bad), bad).toBe(false);
    }
  });

  it('the row schema stores only valid, normalized phones', () => {
    expect(noticeSchema.safeParse(notice({ contactPhone: '13812345678' })).success).toBe(true);
    expect(noticeSchema.safeParse(notice({ contactPhone: '138 1234 5678' })).success).toBe(false);
    expect(noticeSchema.safeParse(notice({ contactPhone: '12345' })).success).toBe(false);
  });

  it('masks a mobile to its first three and last four digits, a landline to area code and last two', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskPhone('0996-4621234')).toBe('0996-*****34');
    expect(maskPhone('09964621234')).toBe('0996*****34');
    expect(maskPhone('')).toBe('');
    expect(maskPhone('12345')).toBe('***45');
  });

  it('a masked number never shows the middle digits of a mobile (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/), (second, rest) => {
        const phone = `1${second}${rest}`;
        const masked = maskPhone(phone);
        expect(masked).toHaveLength(11);
        expect(masked.slice(3, 7)).toBe('****');
        expect(masked.slice(0, 3) + masked.slice(7)).toBe(phone.slice(0, 3) + phone.slice(7));
      }),
    );
  });

  it('a masked number is never the number itself, and keeps its length (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9-]{3,15}$/), (phone) => {
        const masked = maskPhone(phone);
        expect(masked).not.toBe(phone);
        expect(masked).toHaveLength(phone.length);
      }),
    );
  });
});
