import { unzipSync } from 'fflate';

/*
 * Text of a .docx essay: a docx is a zip whose word/document.xml holds the text in <w:t> runs,
 * paragraphs in <w:p>. Only that one entry is inflated (the filter runs before inflating), and
 * only up to a size an essay can have.
 */

export type DocxResult = { ok: true; text: string } | { ok: false; reason: 'not-docx' | 'docx-too-large' };

const MAX_DOCUMENT_XML = 32 * 1024 * 1024;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return safeCodePoint(parseInt(name.slice(2), 16)) ?? whole;
    if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10)) ?? whole;
    return ENTITIES[name] ?? whole;
  });
}

function safeCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

/** The paragraphs of word/document.xml as lines; tabs and line breaks inside a paragraph kept. */
export function documentXmlText(xml: string): string {
  const paragraphs: string[] = [];
  for (const p of xml.split(/<\/w:p>/)) {
    let line = '';
    for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<w:cr\/>/g)) {
      if (m[1] !== undefined) line += decodeEntities(m[1]);
      else if (m[0] === '<w:tab/>') line += '\t';
      else line += '\n';
    }
    if (/<w:p[\s>]/.test(p) || line) paragraphs.push(line);
  }
  return paragraphs.join('\n').replace(/\n+$/, '');
}

export function docxText(bytes: Uint8Array): DocxResult {
  let files: Record<string, Uint8Array>;
  let tooLarge = false;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.name !== 'word/document.xml') return false;
        if (f.originalSize > MAX_DOCUMENT_XML) {
          tooLarge = true;
          return false;
        }
        return true;
      },
    });
  } catch {
    return { ok: false, reason: 'not-docx' };
  }
  if (tooLarge) return { ok: false, reason: 'docx-too-large' };
  const xml = files['word/document.xml'];
  if (!xml) return { ok: false, reason: 'not-docx' };
  return { ok: true, text: documentXmlText(new TextDecoder('utf-8').decode(xml)) };
}

/**
 * A .txt essay: UTF-8 (with or without BOM), UTF-16 with a BOM (Notepad's "Unicode"), or — when
 * the bytes are not UTF-8 — GB18030, what Notepad on a Chinese Windows saves as "ANSI".
 */
export function plainText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
