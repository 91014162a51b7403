import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { countElements, TEMPLATE_LIMITS } from '../../../../shared/report/spreadsheetCheck';
import { readTemplate, type TemplateReadResult } from '../../../../shared/stats/report/templateRead';
import { dataSheet, expectation, resaved, template } from './templateFixtures';

/** The template with `rows` more rows appended to its data sheet's XML, as a spreadsheet program would write them. */
async function withExtraRows(rows: number, row: (n: number) => string): Promise<Uint8Array> {
  const parts = unzipSync(await template());
  const name = Object.keys(parts).find((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n) && !strFromU8(parts[n]!).includes('league-desk/township-template'))!;
  const xml = strFromU8(parts[name]!);
  const first = 1000;
  const extra: string[] = [];
  for (let n = first; n < first + rows; n++) extra.push(row(n));
  parts[name] = strToU8(xml.replace('</sheetData>', `${extra.join('')}</sheetData>`));
  return zipSync(parts, { level: 6 });
}

function listed(result: TemplateReadResult) {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result;
}

describe('a template too big to be a township sheet', () => {
  it('refuses a sheet of 1,048,576 rows (the most Excel has) before reading it, with a reason', async () => {
    const bytes = await withExtraRows(1_048_576 - 1000, (n) => `<row r="${n}"/>`);
    expect(await readTemplate(bytes, expectation)).toEqual({ ok: false, reason: 'too-many-rows', detail: { limit: TEMPLATE_LIMITS.rows } });
  });

  it('counts rows across the sheets, one over the limit refused, with or without a namespace prefix', async () => {
    const base = countElements(unzippedSheets(await template()), [0x72, 0x6f, 0x77]);
    const atLimit = await withExtraRows(TEMPLATE_LIMITS.rows - base, (n) => `<row r="${n}"></row>`);
    expect(listed(await readTemplate(atLimit, expectation)).rows.length).toBeGreaterThan(0);
    const over = await withExtraRows(TEMPLATE_LIMITS.rows - base + 1, (n) => `<row r="${n}"></row>`);
    expect(await readTemplate(over, expectation)).toMatchObject({ ok: false, reason: 'too-many-rows' });
    expect(countElements(strToU8('<x:row r="1"><x:c r="A1"/></x:row><rowBreaks/><row>'), [0x72, 0x6f, 0x77])).toBe(2);
    expect(countElements(strToU8('<x:row r="1"><x:c r="A1"/><cols/><col/><c>1</c></x:row>'), [0x63])).toBe(2);
  });

  it('refuses more cells than a township sheet can have', async () => {
    const perRow = 100;
    const rows = Math.ceil(TEMPLATE_LIMITS.cells / perRow) + 1;
    const bytes = await withExtraRows(Math.min(rows, TEMPLATE_LIMITS.rows - 100), (n) => `<row r="${n}">${'<c t="n"><v>1</v></c>'.repeat(perRow)}</row>`);
    expect(await readTemplate(bytes, expectation)).toEqual({ ok: false, reason: 'too-many-cells', detail: { limit: TEMPLATE_LIMITS.cells } });
  });

  it('lists the first problems and counts the rest', async () => {
    const many = 1500;
    const bytes = await resaved(await template(), (wb) => {
      for (let i = 0; i < many; i++) dataSheet(wb).getCell(100 + i, 1).value = `XX-${i}`;
    });
    const result = listed(await readTemplate(bytes, expectation));
    expect(result.problems).toHaveLength(TEMPLATE_LIMITS.problems);
    expect(result.problems.every((p) => p.reason === 'unknown-branch')).toBe(true);
    expect(result.problemsNotListed).toBe(many - TEMPLATE_LIMITS.problems);
    expect(result.rows).toHaveLength(37);
  });
});

function unzippedSheets(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  return strToU8(
    Object.entries(parts)
      .filter(([n]) => n.startsWith('xl/worksheets/'))
      .map(([, d]) => strFromU8(d))
      .join(''),
  );
}
