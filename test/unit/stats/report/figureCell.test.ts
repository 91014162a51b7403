import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FIGURE, readFigureCell } from '../../../../shared/stats/report/figureCell';

describe('reading a figure cell', () => {
  it.each<[string, unknown, number | null]>([
    ['empty', null, null],
    ['undefined', undefined, null],
    ['blank text', ' \u3000 ', null],
    ['a number', 42, 42],
    ['zero', 0, 0],
    ['minus zero', -0, 0],
    ['a whole float', 12.0, 12],
    ['number stored as text', '42', 42],
    ['full-width digits', '１２３', 123],
    ['full-width with a full-width comma', '１，２３４', 1234],
    ['Arabic-Indic digits', '١٢٣', 123],
    ['Persian digits', '۴۵', 45],
    ['thousands separators', '12,345', 12345],
    ['spaces and a no-break space', ' 1\u00a0234 ', 1234],
    ['a typed apostrophe', "'57", 57],
    ['a trailing .0', '8.0', 8],
    ['a leading plus', '+9', 9],
    ['a formula with its result', { formula: 'A1+1', result: 7 }, 7],
    ['a shared formula with a text result', { sharedFormula: 'C5', result: '３' }, 3],
    ['rich text', { richText: [{ text: '1' }, { text: '5' }] }, 15],
    ['a hyperlink', { text: '6', hyperlink: 'http://x' }, 6],
    ['the maximum', MAX_FIGURE, MAX_FIGURE],
  ])('%s', (_, value, expected) => {
    expect(readFigureCell(value)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown, string, string]>([
    ['negative', -3, 'cell-negative', '-3'],
    ['negative text with a minus sign', '−4', 'cell-negative', '−4'],
    ['full-width minus', '－５', 'cell-negative', '－５'],
    ['a fraction', 2.5, 'cell-not-whole', '2.5'],
    ['a fraction as text', '2.50', 'cell-not-whole', '2.50'],
    ['too large', MAX_FIGURE + 1, 'cell-too-large', String(MAX_FIGURE + 1)],
    ['a phone number', '13912345678', 'cell-too-large', '13912345678'],
    ['words', '十二', 'cell-not-a-number', '十二'],
    ['a date', new Date(Date.UTC(2026, 0, 5)), 'cell-not-a-number', '2026-01-05'],
    ['a boolean', true, 'cell-not-a-number', 'true'],
    ['an error value', { error: '#REF!' }, 'cell-not-a-number', '#REF!'],
    ['a formula never calculated', { formula: 'A1' }, 'cell-not-a-number', '='],
    ['bad grouping', '1,23', 'cell-not-a-number', '1,23'],
    ['scientific notation', '1e3', 'cell-not-a-number', '1e3'],
    ['infinity', Number.POSITIVE_INFINITY, 'cell-not-a-number', 'Infinity'],
  ])('%s is refused', (_, value, reason, text) => {
    expect(readFigureCell(value)).toEqual({ ok: false, reason, text });
  });

  it('reads back any count however it was written', () => {
    const fullWidth = (s: string): string => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const arabicIndic = (s: string): string => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    const grouped = (n: number): string => n.toLocaleString('en-US');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FIGURE }), (n) => {
        for (const written of [n, String(n), fullWidth(String(n)), arabicIndic(String(n)), grouped(n), ` ${grouped(n)} `, { formula: 'X', result: n }]) {
          expect(readFigureCell(written)).toEqual({ ok: true, value: n });
        }
      }),
    );
  });
});
