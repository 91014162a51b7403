import type { Bulletin } from '../../../../shared/jobs/bulletin';
import { directionOf, type Lang } from '../../../../shared/i18n/lang';

/*
 * The bulletin as one long PNG for a phone screen (WeChat shows images full width): 1080 pixels
 * wide (a 360-point phone at 3×), drawn on a canvas. Uyghur is drawn with the canvas in
 * right-to-left direction and the app's bundled Naskh font, so letters are joined and shaped by
 * the same engine that draws the page, and lines start at the right edge. Text is wrapped by
 * measuring, at spaces for Uyghur and between characters for Chinese (never inside a left-to-right
 * isolate: a phone number stays on one line).
 */

export const IMAGE_WIDTH = 1080;
/** Chromium refuses larger canvases; a longer bulletin must be split. */
export const MAX_IMAGE_HEIGHT = 32_000;
const PAD = 64;
const CARD_PAD = 36;

/** The same fonts as the app (theme.ts), bundled with it; the bulletin's language first. */
const FAMILIES: Record<Lang, string> = {
  'zh-CN': '"Noto Sans SC", "Noto Naskh Arabic", sans-serif',
  ug: '"Noto Naskh Arabic", "Noto Sans SC", sans-serif',
};

interface Style {
  size: number;
  weight: 400 | 700;
  color: string;
  /** Line height as a multiple of the size; Naskh needs more. */
  leading: number;
}

const STYLES = {
  heading: { size: 60, weight: 700, color: '#ffffff', leading: 1.5 },
  employer: { size: 44, weight: 700, color: '#212121', leading: 1.5 },
  title: { size: 42, weight: 700, color: '#b71c1c', leading: 1.5 },
  line: { size: 36, weight: 400, color: '#333333', leading: 1.55 },
  description: { size: 34, weight: 400, color: '#555555', leading: 1.55 },
  footer: { size: 32, weight: 400, color: '#757575', leading: 1.5 },
} satisfies Record<string, Style>;

const fontOf = (style: Style, lang: Lang) => `${style.weight} ${style.size}px ${FAMILIES[lang]}`;
const lineHeight = (style: Style, lang: Lang) => Math.round(style.size * style.leading * (lang === 'ug' ? 1.12 : 1));

/** Breakable pieces: a Han character alone, else a run up to and including its spaces; isolates whole. */
function tokens(text: string): string[] {
  return text.match(/\u2066[^\u2069]*\u2069\S*\s*|[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef\u2066]+\s*|\s+/gu) ?? [];
}

export function wrapText(measure: (text: string) => number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const token of tokens(paragraph)) {
      const next = line + token;
      if (line !== '' && measure(next.trimEnd()) > width) {
        lines.push(line.trimEnd());
        line = token.trimStart();
      } else {
        line = next;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

interface Op {
  kind: 'text' | 'card' | 'band';
  y: number;
  height: number;
  style?: Style;
  text?: string;
}

function layout(ctx: CanvasRenderingContext2D, bulletin: Bulletin): { ops: Op[]; height: number } {
  const lang = bulletin.lang;
  const ops: Op[] = [];
  let y = 0;
  const textBlock = (text: string, style: Style, inset: number) => {
    ctx.font = fontOf(style, lang);
    for (const line of wrapText((t) => ctx.measureText(t).width, text, IMAGE_WIDTH - 2 * inset)) {
      ops.push({ kind: 'text', y, height: lineHeight(style, lang), style, text: line });
      y += lineHeight(style, lang);
    }
  };
  const bandStart = ops.length;
  y += PAD;
  textBlock(bulletin.heading, STYLES.heading, PAD);
  y += PAD / 2;
  ops.splice(bandStart, 0, { kind: 'band', y: 0, height: y });
  y += PAD / 2;
  for (const entry of bulletin.entries) {
    const cardAt = ops.length;
    const top = y;
    y += CARD_PAD;
    if (entry.employer) textBlock(entry.employer, STYLES.employer, PAD + CARD_PAD);
    if (entry.title) textBlock(entry.title, STYLES.title, PAD + CARD_PAD);
    y += 8;
    for (const line of entry.lines) textBlock(line, STYLES.line, PAD + CARD_PAD);
    if (entry.description) {
      y += 8;
      textBlock(entry.description, STYLES.description, PAD + CARD_PAD);
    }
    y += CARD_PAD;
    ops.splice(cardAt, 0, { kind: 'card', y: top, height: y - top });
    y += PAD / 2;
  }
  y += PAD / 2;
  textBlock(bulletin.footer, STYLES.footer, PAD);
  y += PAD;
  return { ops, height: Math.ceil(y) };
}

/** Waits for the bundled fonts in both weights, so the first image is not drawn in a fallback font. */
async function fontsReady(bulletin: Bulletin): Promise<void> {
  const sample = [bulletin.heading, ...bulletin.entries.flatMap((e) => [e.employer, e.title, ...e.lines])].join(' ');
  await Promise.all(
    (['400', '700'] as const).flatMap((weight) =>
      ['"Noto Naskh Arabic"', '"Noto Sans SC"'].map((family) => document.fonts.load(`${weight} 36px ${family}`, sample).catch(() => [])),
    ),
  );
}

export type BulletinImage = { ok: true; canvas: HTMLCanvasElement; height: number } | { ok: false; reason: 'too-long' };

export async function drawBulletinImage(bulletin: Bulletin): Promise<BulletinImage> {
  await fontsReady(bulletin);
  const canvas = document.createElement('canvas');
  canvas.width = IMAGE_WIDTH;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2d context unavailable');
  const { ops, height } = layout(ctx, bulletin);
  if (height > MAX_IMAGE_HEIGHT) return { ok: false, reason: 'too-long' };
  canvas.height = height;
  // Resizing a canvas resets its state: direction and fonts are set after it.
  const rtl = directionOf(bulletin.lang) === 'rtl';
  ctx.direction = rtl ? 'rtl' : 'ltr';
  ctx.textAlign = 'start';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#f6f6f4';
  ctx.fillRect(0, 0, IMAGE_WIDTH, height);
  for (const op of ops) {
    if (op.kind === 'band') {
      ctx.fillStyle = '#b71c1c';
      ctx.fillRect(0, op.y, IMAGE_WIDTH, op.height);
    } else if (op.kind === 'card') {
      ctx.fillStyle = '#ffffff';
      ctx.strokeStyle = '#e0e0e0';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.roundRect(PAD, op.y, IMAGE_WIDTH - 2 * PAD, op.height, 18);
      ctx.fill();
      ctx.stroke();
    }
  }
  for (const op of ops) {
    if (op.kind !== 'text' || !op.style || op.text === undefined) continue;
    const inset = op.style === STYLES.heading || op.style === STYLES.footer ? PAD : PAD + CARD_PAD;
    ctx.font = fontOf(op.style, bulletin.lang);
    ctx.fillStyle = op.style.color;
    ctx.fillText(op.text, rtl ? IMAGE_WIDTH - inset : inset, op.y + op.height / 2);
  }
  return { ok: true, canvas, height };
}

export async function canvasPng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('png encoding failed');
  return new Uint8Array(await blob.arrayBuffer());
}
