import { describe, expect, it } from 'vitest';
import { countySummaryTable } from '../../../shared/stats/report/countySummaryTable';
import { footerContent, reportStylesheet, toHtmlDocument, toHtmlTable } from '../../../shared/report/html';
import type { ReportTable } from '../../../shared/report/table';
import { LOCALES, demoInput, summaryOf } from './helpers';

const demoSummary = summaryOf(demoInput());

describe('HTML writer', () => {
  it('writes a semantic table: caption, a header that repeats, the total as the last body row', () => {
    const html = toHtmlTable(countySummaryTable(demoSummary, 'zh-CN', LOCALES));
    expect(html).toMatch(/^<section class="ld-report" lang="zh-CN" dir="ltr">/);
    expect(html).toContain('<caption><span class="ld-title">全县团员和青年统计汇总表</span>');
    expect(html.match(/<thead>/g)).toHaveLength(1);
    expect(html).not.toContain('<tfoot');
    const rows = html.slice(html.indexOf('<tbody>')).match(/<tr[ >]/g) ?? [];
    expect(rows).toHaveLength(demoSummary.committees.length + 1);
    const total = html.match(/<tr class="ld-total">.*<\/tr>/)?.[0] ?? '';
    expect(total).toContain('<bdi dir="ltr">5,849</bdi>');
    expect(total).toContain('<bdi dir="ltr">26,328</bdi>');
    expect(total).toContain('<bdi dir="ltr">12,028</bdi>');
    expect(total).toContain('<bdi dir="ltr">48.6%</bdi>');
    expect(html).toContain('<ol class="ld-notes"><li>团青比例 = 团员 ÷ 14–28 岁青年。');
  });

  it('runs right to left in Uyghur, with both headers tagged and Chinese fallback names marked and isolated', () => {
    const html = toHtmlTable(countySummaryTable(demoSummary, 'ug', LOCALES));
    expect(html).toMatch(/^<section class="ld-report" lang="ug" dir="rtl">/);
    expect(html).toContain(
      `<th scope="col" class="ld-integer"><span class="ld-own">ئىتتىپاق ئەزالىرى</span><span class="ld-alt" lang="zh-CN" dir="ltr">团员</span></th>`,
    );
    expect(html).toContain('<bdi lang="zh-CN" dir="ltr">轮台镇团委</bdi> <span class="ld-untranslated">(تەرجىمە قىلىنمىغان)</span>');
    // Plain digits inside the isolate: no bidi control characters are needed or wanted.
    expect(html).toContain('<bdi dir="ltr">48.6%</bdi>');
    expect(html).not.toMatch(/[\u2066-\u2069]/);
    // The locale's isolated range (⁦14–28⁩) becomes a <bdi>, like the values.
    expect(html).toContain('<bdi dir="ltr">14–28</bdi> ياشلىق ياشلار');
  });

  it('escapes everything that comes from data', () => {
    const table: ReportTable = {
      title: '<script>alert(1)</script>',
      subtitle: 'a & b',
      lang: 'zh-CN',
      direction: 'ltr',
      columns: [{ key: 'name', kind: 'text', header: { zh: '"名"', ug: "'ن'" } }],
      rows: [{ name: '<img src=x onerror=alert(1)>' }, { name: { text: '</bdi><b>', lang: 'ug', untranslated: true } }],
      footnotes: ['<i>note</i>'],
      sheetName: 's',
      untranslatedMark: '<未译>',
      pageFooter: '</style><script>{{page}}',
    };
    const doc = toHtmlDocument(table);
    expect(doc).not.toMatch(/<(script|img|i|b)[ >]/);
    expect(doc).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(doc).toContain('&quot;名&quot;');
    expect(doc).toContain('&#39;ن&#39;');
    expect(doc).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(doc.match(/<\/style>/g)).toHaveLength(1);
  });

  it('prints A4 with the header repeated and pages numbered in the report language', () => {
    const zh = reportStylesheet(countySummaryTable(demoSummary, 'zh-CN', LOCALES));
    expect(zh).toContain('size: A4 landscape');
    expect(zh).toMatch(/thead \{ display: table-header-group; \}/);
    expect(zh).toContain('content: "第 " counter(page) " 页，共 " counter(pages) " 页"');
    const ug = reportStylesheet(countySummaryTable(demoSummary, 'ug', LOCALES));
    expect(ug).toContain('content: counter(page) "-بەت، جەمئىي " counter(pages) " بەت"; font-size: 8pt; direction: rtl;');
  });

  it('turns footer placeholders into CSS counters and quotes the rest', () => {
    expect(footerContent('Page {{page}} of {{pages}}')).toBe('"Page " counter(page) " of " counter(pages)');
    expect(footerContent('"{{page}}"\\')).toBe('"\\"" counter(page) "\\"\\\\"');
  });

  it('makes a whole document with language, direction and the stylesheet', () => {
    const doc = toHtmlDocument(countySummaryTable(demoSummary, 'ug', LOCALES));
    expect(doc).toMatch(/^<!doctype html>\n<html lang="ug" dir="rtl">\n<head><meta charset="utf-8"><title>/);
    expect(doc).toContain('<style>.ld-report {');
  });
});
