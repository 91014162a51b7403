import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitLabel, labelWidthEm } from '../../../shared/text/fitLabel';

const committee = '轮台县中等职业技术学校团委';
const uyghur = 'بۈگۈر ناھىيىلىك ئوتتۇرا تېخنىكا مەكتىپى ياشلار ئىتتىپاقى كومىتېتى';

describe('fitLabel: a chart label within a width', () => {
  it('keeps a label that fits, and cuts a long one at the width with an ellipsis', () => {
    expect(fitLabel('轮南镇团委', 10)).toBe('轮南镇团委');
    expect(fitLabel(committee, 10)).toBe('轮台县中等职业技术…');
    expect(labelWidthEm(fitLabel(uyghur, 12))).toBeLessThanOrEqual(12);
    expect(fitLabel(uyghur, 12).endsWith('…')).toBe(true);
    expect(uyghur.startsWith(fitLabel(uyghur, 12).slice(0, -1).trimEnd())).toBe(true);
  });

  it('never cuts inside a surrogate pair and never leaves a combining mark without its letter', () => {
    const label = '𠀀𠀁𠀂𠀃𠀄'; // ideographs beyond the BMP, two UTF-16 units each
    const cut = fitLabel(label, 3);
    expect(cut).toBe('𠀀𠀁…');
    const marked = 'e\u0301'.repeat(20); // é as e + combining acute
    const kept = fitLabel(marked, 4).slice(0, -1);
    expect(kept.length % 2).toBe(0);
  });

  it('for any text and width: the result fits (or is the ellipsis alone), is a prefix plus "…", and a fitting text is unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.double({ min: 1, max: 40, noNaN: true }), (text, max) => {
        const out = fitLabel(text, max);
        if (labelWidthEm(text) <= max) {
          expect(out).toBe(text);
          return;
        }
        expect(out.endsWith('…')).toBe(true);
        expect(labelWidthEm(out)).toBeLessThanOrEqual(Math.max(max, 1));
        expect(text.startsWith(out.slice(0, -1).trimEnd())).toBe(true);
      }),
    );
  });
});
