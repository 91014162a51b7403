import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../../../renderer/src/features/jobs/bulletinImage';

const measure = (text: string) => Array.from(text).length;

describe('wrapping bulletin lines for the image', () => {
  it('breaks Uyghur at spaces, Chinese between characters, and never inside a left-to-right isolate', () => {
    expect(wrapText(measure, 'ئالاقىلاشقۇچى: 王丽 \u20660996-4621234\u2069', 17)).toEqual(['ئالاقىلاشقۇچى: 王丽', '\u20660996-4621234\u2069']);
    expect(wrapText(measure, '招聘人数：3 人，月薪面议', 6)).toEqual(['招聘人数：3', '人，月薪面议']);
    expect(wrapText(measure, 'a\nb', 10)).toEqual(['a', 'b']);
  });

  it('loses no text, and a line is over the width only when it is a single unbreakable piece (property)', () => {
    const piece = fc.constantFrom('ئىشقا', 'قوبۇل', '收', '银', '员', '\u20660996-4621234\u2069', '3,000–4,000', ' ', '：');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 4, max: 30 }), (pieces, width) => {
        const text = pieces.join('');
        const lines = wrapText(measure, text, width);
        expect(lines.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
        for (const line of lines) {
          const isolates = (line.match(/\u2066/g) ?? []).length;
          expect((line.match(/\u2069/g) ?? []).length).toBe(isolates);
          if (measure(line) > width) expect(line.trim()).not.toMatch(/\s/);
        }
      }),
    );
  });
});
