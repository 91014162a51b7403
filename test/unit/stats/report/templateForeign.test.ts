import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTemplate, type TemplateReadResult } from '../../../../shared/stats/report/templateRead';
import { expectation, rows } from './templateFixtures';

/** Workbooks saved by LibreOffice (see fixtures/README.md), read as the import screen reads them. */
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`fixtures/${name}`, import.meta.url)));

function ok(result: TemplateReadResult): Extract<TemplateReadResult, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result;
}

describe('templates saved by another spreadsheet program', () => {
  it('reads an untouched template re-saved by LibreOffice: every row, every value, no problems', async () => {
    const result = ok(await readTemplate(fixture('libreoffice-resaved-ug.xlsx'), expectation));
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => r.code)).toEqual(expectation.orgCodes);
    for (const row of result.rows) expect(row.values).toEqual(pick(rows.values.get(row.code) ?? {}));
  });

  it('reads what a person typed in LibreOffice and points at each bad cell', async () => {
    const result = ok(await readTemplate(fixture('libreoffice-edited-zh.xlsx'), expectation));
    expect(result.rows).toHaveLength(37);
    expect(result.rows[0]).toMatchObject({ code: 'LT-01-001', row: 5, values: { members: 120, newMembers: 12, youth1435: null, youth1428: 1234 } });
    expect(result.problems).toEqual([
      { sheet: '填报', cell: 'C6', code: 'LT-01-002', figure: 'members', reason: 'cell-negative', value: '-4' },
      { sheet: '填报', cell: 'D6', code: 'LT-01-002', figure: 'newMembers', reason: 'cell-not-whole', value: '2.5' },
      { sheet: '填报', cell: 'E6', code: 'LT-01-002', figure: 'youth1435', reason: 'cell-not-a-number', value: '十二' },
    ]);
  });

  it('still refuses it for another township or round', async () => {
    const bytes = fixture('libreoffice-edited-zh.xlsx');
    expect(await readTemplate(bytes, { ...expectation, townshipCode: 'LT-02' })).toMatchObject({ ok: false, reason: 'wrong-township' });
    expect(await readTemplate(bytes, { ...expectation, roundId: 'other' })).toMatchObject({ ok: false, reason: 'wrong-round' });
  });
});

function pick(values: Partial<Record<string, number | null | undefined>>): Record<string, number | null> {
  return Object.fromEntries(expectation.figures.map((f) => [f, values[f] ?? null]));
}
