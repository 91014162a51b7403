/**
 * A label shortened to fit a width, for chart axes: SVG text neither wraps nor clips itself, so a
 * long committee name under a slanted axis runs off the chart. Widths are estimated per character
 * in ems of the font size (CJK ideographs and full-width forms a whole em, other letters and
 * digits about 0.55 em, combining marks nothing); a label that does not fit is cut at a character
 * boundary (never inside a surrogate pair or before a combining mark) and ends in "…". The full
 * text belongs in the tooltip.
 */
export function labelWidthEm(text: string): number {
  let width = 0;
  for (const char of text) width += charWidthEm(char.codePointAt(0)!);
  return width;
}

export function fitLabel(text: string, maxEm: number): string {
  if (labelWidthEm(text) <= maxEm) return text;
  const budget = maxEm - ELLIPSIS_EM;
  let width = 0;
  let out = '';
  for (const char of text) {
    const w = charWidthEm(char.codePointAt(0)!);
    if (w > 0 && width + w > budget) break;
    width += w;
    out += char;
  }
  return `${out.trimEnd()}…`;
}

const ELLIPSIS_EM = 1;

function charWidthEm(code: number): number {
  // Combining marks (general diacritics, Arabic harakat and the superscript alef) take no width.
  if ((code >= 0x0300 && code <= 0x036f) || (code >= 0x064b && code <= 0x065f) || code === 0x0670) return 0;
  // CJK ideographs, CJK punctuation, kana, Hangul, full-width forms and most emoji: one em.
  if ((code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || code >= 0x1f300) return 1;
  return 0.55;
}
