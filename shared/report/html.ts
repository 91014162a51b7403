import { formatDate, formatInteger, formatNumber, formatPercent } from '../i18n/format';
import type { Lang } from '../i18n/lang';
import { directionOf } from '../i18n/lang';
import { interpolate } from '../i18n/interpolate';
import { columnWidth, headerPair, isForeignText, otherLang, type CellValue, type ReportColumn, type ReportTable } from './table';

/*
 * Report tables as HTML for printing, the road to PDF (Electron's printToPDF; in the browser,
 * Chromium's print dialog). The markup is semantic so the printer does the work: <thead> repeats
 * on every printed page, the total row is the last row of <tbody> (a <tfoot> would repeat too),
 * and every element carries lang and dir so Chromium picks the Uyghur or Chinese font, shapes
 * Arabic script and runs the page right to left. Everything from data is escaped; no script,
 * no inline event, no URL.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ISOLATED_LTR = /\u2066([^\u2066-\u2069]*)\u2069/g;

/**
 * A message from the locale files as HTML: escaped, and each left-to-right isolate the Uyghur
 * strings carry (⁦14–35⁩, locales/ug; docs/ARCHITECTURE.md) written as a <bdi dir="ltr">, as the
 * values are, so the page holds no bidi control characters.
 */
function messageHtml(text: string): string {
  return escapeHtml(text).replace(ISOLATED_LTR, '<bdi dir="ltr">$1</bdi>');
}

/** `lang` and `dir` attributes for a language. */
function langAttributes(lang: Lang): string {
  return `lang="${lang}" dir="${directionOf(lang)}"`;
}

/** The table, its caption and footnotes, as one <section>; styles come from reportStylesheet(). */
export function toHtmlTable(table: ReportTable): string {
  const other = otherLang(table.lang);
  const colgroup = table.columns.map((c) => `<col class="ld-${c.kind}" style="width:${columnWidth(c)}ch">`).join('');
  const head = table.columns
    .map((column) => {
      const [own, alt] = headerPair(column, table.lang);
      return `<th scope="col" class="ld-${column.kind}"><span class="ld-own">${messageHtml(own)}</span><span class="ld-alt" ${langAttributes(other)}>${messageHtml(alt)}</span></th>`;
    })
    .join('');
  const row = (values: Readonly<Record<string, CellValue>>, total: boolean): string =>
    `<tr${total ? ' class="ld-total"' : ''}>${table.columns.map((c) => cell(c, values[c.key] ?? null, table)).join('')}</tr>`;
  const body = [...table.rows.map((r) => row(r, false)), ...(table.totalRow ? [row(table.totalRow, true)] : [])].join('\n');
  const subtitle = table.subtitle ? `<span class="ld-subtitle">${messageHtml(table.subtitle)}</span>` : '';
  const notes = (table.footnotes ?? []).map((note) => `<li>${messageHtml(note)}</li>`).join('');
  return [
    `<section class="ld-report" ${langAttributes(table.lang)}>`,
    '<table>',
    `<caption><span class="ld-title">${messageHtml(table.title)}</span>${subtitle}</caption>`,
    `<colgroup>${colgroup}</colgroup>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    '</table>',
    ...(notes ? [`<ol class="ld-notes">${notes}</ol>`] : []),
    '</section>',
  ].join('\n');
}

function cell(column: ReportColumn, value: CellValue, table: ReportTable): string {
  const kind = `ld-${column.kind}`;
  if (value === null) return `<td class="${kind}"></td>`;
  if (isForeignText(value)) {
    const mark = `<span class="ld-untranslated">(${escapeHtml(table.untranslatedMark)})</span>`;
    return `<td class="${kind}"><bdi ${langAttributes(value.lang)}>${escapeHtml(value.text)}</bdi> ${mark}</td>`;
  }
  const text = cellText(column, value, table.lang);
  // Codes, numbers and dates are left-to-right runs; <bdi dir="ltr"> keeps "-3.2%" or "2026-01-20"
  // whole inside a right-to-left row instead of letting the bidi algorithm reorder their parts.
  if (column.kind === 'text') return `<td class="${kind}">${escapeHtml(text)}</td>`;
  return `<td class="${kind}"><bdi dir="ltr">${escapeHtml(text)}</bdi></td>`;
}

/** Numbers as the league publishes them: grouped counts, percentages with one decimal. */
function cellText(column: ReportColumn, value: string | number, lang: Lang): string {
  if (typeof value === 'string') return column.kind === 'date' ? formatDate(value, lang, 'short', { bidi: 'plain' }) : value;
  if (column.kind === 'percent') return formatPercent(value, lang, 1, { bidi: 'plain' });
  if (column.kind === 'integer') return formatInteger(value, lang, { bidi: 'plain' });
  return formatNumber(value, lang, { bidi: 'plain' });
}

/** A CSS string literal; `<` is escaped too, so the text cannot close the <style> element it sits in. */
function cssString(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&').replace(/[\r\n\f]/g, '\\A ').replace(/</g, '\\3C ')}"`;
}

/** "第 {{page}} 页，共 {{pages}} 页" → `"第 " counter(page) " 页，共 " counter(pages) " 页"`. */
export function footerContent(template: string): string {
  const marker = '\u0000';
  return interpolate(template.replace(/\u0000/g, ''), { page: `${marker}page${marker}`, pages: `${marker}pages${marker}` })
    .split(marker)
    .map((part, i) => (i % 2 === 1 ? `counter(${part})` : part === '' ? '' : cssString(part)))
    .filter((part) => part !== '')
    .join(' ');
}

/**
 * The stylesheet for toHtmlTable's markup, screen and print. The @page rule sets A4 (landscape for
 * wide tables) and numbers the pages in the report's language; Chromium draws page-margin boxes
 * from version 131, and Electron's printToPDF honours the @page size with preferCSSPageSize.
 */
export function reportStylesheet(table: ReportTable): string {
  const landscape = table.columns.length > 7;
  return `
.ld-report { font-family: "Noto Sans SC", "Noto Naskh Arabic", sans-serif; font-size: 10pt; color: #000; }
.ld-report[lang="ug"] { font-family: "Noto Naskh Arabic", "Noto Sans SC", sans-serif; }
.ld-report table { border-collapse: collapse; width: 100%; }
.ld-report caption { text-align: center; margin-bottom: 6pt; }
.ld-report .ld-title { display: block; font-size: 14pt; font-weight: bold; }
.ld-report .ld-subtitle { display: block; font-size: 10pt; }
.ld-report th, .ld-report td { border: 0.5pt solid #777; padding: 2pt 4pt; vertical-align: top; }
.ld-report thead th { background: #e8eef4; text-align: center; vertical-align: middle; }
.ld-report .ld-own, .ld-report .ld-alt { display: block; }
.ld-report .ld-alt { font-size: 8pt; font-weight: normal; color: #444; }
.ld-report td.ld-integer, .ld-report td.ld-percent { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
.ld-report td.ld-code, .ld-report td.ld-date { white-space: nowrap; }
.ld-report tr.ld-total td { font-weight: bold; border-top: 1.5pt solid #000; }
.ld-report .ld-untranslated { font-size: 8pt; color: #555; white-space: nowrap; }
.ld-report .ld-notes { font-size: 8.5pt; margin: 6pt 0 0; padding-inline-start: 1.5em; }
@media print {
  .ld-report thead { display: table-header-group; }
  .ld-report tr { break-inside: avoid; }
  .ld-report thead th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
@page {
  size: A4 ${landscape ? 'landscape' : 'portrait'};
  margin: 12mm 10mm 14mm;
  @bottom-center { content: ${footerContent(table.pageFooter)}; font-size: 8pt; direction: ${table.direction}; }
}
`.trimStart();
}

/** A whole printable page: what the renderer loads into a hidden window or iframe to print. */
export function toHtmlDocument(table: ReportTable): string {
  return [
    '<!doctype html>',
    `<html ${langAttributes(table.lang)}>`,
    `<head><meta charset="utf-8"><title>${escapeHtml(table.title.replace(/[\u2066-\u2069]/g, ''))}</title><style>${reportStylesheet(table)}</style></head>`,
    `<body>${toHtmlTable(table)}</body>`,
    '</html>',
  ].join('\n');
}
