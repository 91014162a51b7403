import { formatDate } from '../i18n/format';
import { pickText, type BilingualText, type Lang } from '../i18n/lang';
import { escapeHtml } from '../report/html';
import { interpolate } from '../i18n/interpolate';
import type { ContestReportLocales } from './report';
import type { Contest } from './rows';
import type { Ranking } from './scoring';

/*
 * Award certificates: one A4 landscape page per winner, in Chinese, Uyghur, or both on the same
 * page (Chinese above, Uyghur below). Plain HTML printed by Chromium (printToPDF in Electron): every
 * block carries lang and dir, so the Uyghur text is shaped by the font and runs right to left.
 * Everything from data is escaped.
 */

export const CERTIFICATE_LANGS = ['zh-CN', 'ug', 'both'] as const;
export type CertificateLang = (typeof CERTIFICATE_LANGS)[number];

export interface CertificateInput {
  contest: Contest;
  ranking: Ranking;
  mode: CertificateLang;
  locales: ContestReportLocales;
  /** Who awards it: the county committee's name. */
  issuer: BilingualText;
  /** The date printed on the certificates (`yyyy-mm-dd`). */
  date: string;
}

/** The winners (entries with an award), best first. */
export function certificateWinners(ranking: Ranking) {
  return ranking.ranked.filter((r) => r.tierId !== null);
}

export function certificatePagesHtml(input: CertificateInput): string {
  const { contest, ranking, mode } = input;
  const langs: Lang[] = mode === 'both' ? ['zh-CN', 'ug'] : [mode];
  return certificateWinners(ranking)
    .map((winner) => {
      const tier = contest.tiers.find((t) => t.id === winner.tierId);
      const blocks = langs.map((lang) => {
        const m = input.locales[lang].certificate;
        const values = {
          name: winner.entry.entrantName,
          title: winner.entry.title,
          contest: pickText(contest.title, lang).text,
          award: tier ? pickText(tier.name, lang).text : '',
        };
        const dir = lang === 'ug' ? 'rtl' : 'ltr';
        return [
          `<div class="ld-cert-block" lang="${lang}" dir="${dir}">`,
          `<h1 class="ld-cert-heading">${escapeHtml(m.heading)}</h1>`,
          `<p class="ld-cert-award">${escapeHtml(values.award)}</p>`,
          // Each value isolated (<bdi>): a Uyghur name inside a Chinese sentence, or the reverse, keeps its own direction.
          `<p class="ld-cert-body">${interpolate(escapeHtml(m.body), values, (text) => `<bdi>${escapeHtml(text)}</bdi>`)}</p>`,
          `<p class="ld-cert-issuer">${escapeHtml(pickText(input.issuer, lang).text)}<br><bdi>${escapeHtml(formatDate(input.date, lang, 'long', { bidi: 'plain' }))}</bdi></p>`,
          '</div>',
        ].join('');
      });
      return `<section class="ld-cert ld-cert-${mode}" data-code="${escapeHtml(winner.entry.code)}">${blocks.join('<hr class="ld-cert-rule">')}<p class="ld-cert-code" dir="ltr">${escapeHtml(winner.entry.code)}</p></section>`;
    })
    .join('\n');
}

export function certificateStylesheet(): string {
  return `
.ld-cert { box-sizing: border-box; width: 270mm; height: 178mm; margin: 0 auto 8mm; padding: 14mm 20mm; border: 3mm double #b71c1c;
  display: flex; flex-direction: column; justify-content: center; gap: 4mm; background: #fffdf6; color: #000; position: relative;
  break-after: page; page-break-after: always; }
.ld-cert:last-child { break-after: auto; page-break-after: auto; }
.ld-cert-block { text-align: center; }
.ld-cert-block[lang="zh-CN"] { font-family: "Noto Sans SC", "Noto Naskh Arabic", serif; }
.ld-cert-block[lang="ug"] { font-family: "Noto Naskh Arabic", "Noto Sans SC", serif; }
.ld-cert-heading { font-size: 30pt; letter-spacing: 0.2em; color: #b71c1c; margin: 0 0 2mm; }
.ld-cert-block[lang="ug"] .ld-cert-heading { letter-spacing: 0; }
.ld-cert-award { font-size: 20pt; font-weight: bold; margin: 0 0 3mm; }
.ld-cert-body { font-size: 15pt; line-height: 1.8; margin: 0 0 3mm; text-align: start; }
.ld-cert-issuer { font-size: 12pt; text-align: end; margin: 0; }
.ld-cert-both .ld-cert-heading { font-size: 22pt; }
.ld-cert-both .ld-cert-award { font-size: 15pt; margin: 0 0 1mm; }
.ld-cert-both .ld-cert-body { font-size: 12pt; line-height: 1.6; margin: 0 0 1mm; }
.ld-cert-both .ld-cert-issuer { font-size: 10pt; }
.ld-cert-rule { border: none; border-top: 0.5pt solid #b71c1c; width: 60%; margin: 1mm auto; }
.ld-cert-code { position: absolute; bottom: 5mm; left: 8mm; font-size: 8pt; color: #777; margin: 0; }
@media print {
  .ld-cert { margin: 0; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
@page { size: A4 landscape; margin: 10mm; }
`.trimStart();
}

/** A whole printable document of every certificate (for the command line and tests). */
export function certificatesDocument(input: CertificateInput): string {
  const lang = input.mode === 'ug' ? 'ug' : 'zh-CN';
  return [
    '<!doctype html>',
    `<html lang="${lang}" dir="${lang === 'ug' ? 'rtl' : 'ltr'}">`,
    `<head><meta charset="utf-8"><style>${certificateStylesheet()}</style></head>`,
    `<body>${certificatePagesHtml(input)}</body>`,
    '</html>',
  ].join('\n');
}
