import { ALL_FIGURES, type AnyFigure } from '../../domain/stats';

/*
 * What a township template says about itself, kept on a hidden sheet of key/value rows so an
 * import can tell our sheet from any other, and this round's and township's sheet from another's.
 * Key/value rows rather than fixed cells, so a later version can add keys that this one ignores.
 */

export const TEMPLATE_FORMAT = 'league-desk/township-template';
/** Raise when the layout changes in a way an older reader would misread; older builds then refuse. */
export const TEMPLATE_VERSION = 2;
/**
 * Version 2 added sex columns. A sheet without them is still written as version 1, so builds from
 * before the split keep reading it; a sheet with them is version 2, which those builds refuse as too
 * new rather than silently dropping the columns they do not know.
 */
export const SPLIT_TEMPLATE_VERSION = 2;
export const META_SHEET = 'LeagueDesk';

export interface TemplateMeta {
  version: number;
  county: string;
  township: string;
  round: string;
  period: string;
  /** Name of the sheet people fill. */
  sheet: string;
  firstDataRow: number;
  codeColumn: number;
  /** Column (1-based) of each figure the sheet asks for, in column order. */
  figureColumns: ReadonlyArray<readonly [AnyFigure, number]>;
}

export function metaRows(meta: TemplateMeta): Array<[string, string | number]> {
  return [
    ['format', TEMPLATE_FORMAT],
    ['version', meta.version],
    ['county', meta.county],
    ['township', meta.township],
    ['round', meta.round],
    ['period', meta.period],
    ['sheet', meta.sheet],
    ['firstDataRow', meta.firstDataRow],
    ['column.code', meta.codeColumn],
    ...meta.figureColumns.map(([figure, column]): [string, number] => [`column.${figure}`, column]),
  ];
}

export type MetaReading = { ok: true; meta: TemplateMeta } | { ok: false; reason: 'not-our-template' } | { ok: false; reason: 'template-too-new'; version: number };

/**
 * Reads the key/value rows back. The version is checked before anything else: a newer template
 * may have moved or renamed what this build looks for, so it is refused as "too new" rather than
 * as "not ours", which would send the person looking for the wrong problem.
 */
export function parseMeta(rows: ReadonlyMap<string, string>): MetaReading {
  if (rows.get('format') !== TEMPLATE_FORMAT) return { ok: false, reason: 'not-our-template' };
  const version = wholeNumber(rows.get('version'));
  if (version === null || version < 1) return { ok: false, reason: 'not-our-template' };
  if (version > TEMPLATE_VERSION) return { ok: false, reason: 'template-too-new', version };
  const text = (key: string): string | null => {
    const value = rows.get(key)?.trim();
    return value ? value : null;
  };
  const [county, township, round, period, sheet] = ['county', 'township', 'round', 'period', 'sheet'].map(text);
  const firstDataRow = wholeNumber(rows.get('firstDataRow'));
  const codeColumn = wholeNumber(rows.get('column.code'));
  const figureColumns = ALL_FIGURES.flatMap((figure): Array<[AnyFigure, number]> => {
    const column = wholeNumber(rows.get(`column.${figure}`));
    return column === null ? [] : [[figure, column]];
  }).sort((a, b) => a[1] - b[1]);
  if (!county || !township || !round || !period || !sheet || firstDataRow === null || codeColumn === null || figureColumns.length === 0) {
    return { ok: false, reason: 'not-our-template' };
  }
  return { ok: true, meta: { version, county, township, round, period, sheet, firstDataRow, codeColumn, figureColumns } };
}

function wholeNumber(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,7}$/.test(text.trim())) return null;
  return Number(text.trim());
}
