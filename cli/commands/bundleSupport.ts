import { readFileSync, writeFileSync } from 'node:fs';
import ugBundle from '../../locales/ug/bundle.json' with { type: 'json' };
import zhBundle from '../../locales/zh-CN/bundle.json' with { type: 'json' };
import { interpolate } from '../../shared/i18n/interpolate';
import type { Lang } from '../../shared/i18n/lang';
import type { BundleRefusal, RefusalReason } from '../../shared/sync/bundle/index';
import type { Translate } from '../i18n';
import { writeLines, type CliIo } from '../io';

/**
 * The refusal messages are the renderer's (locales/<lang>/bundle.json), so the command line and the
 * import screen say the same words. Typed as a record over every reason: a reason without a message
 * is a compile error here.
 */
const REFUSAL_MESSAGES: Record<Lang, Record<RefusalReason, string>> = { 'zh-CN': zhBundle.refusal, ug: ugBundle.refusal };

/** The localized sentence for a refusal, its placeholders filled from the detail. */
export function refusalMessage(lang: Lang, refusal: BundleRefusal): string {
  const values = refusal.detail as Readonly<Record<string, string | number>>;
  return interpolate(REFUSAL_MESSAGES[lang][refusal.reason], values);
}

/** Writes a refusal to stderr: the code and the localized message, then the technical detail for support. */
export function reportRefusal(io: CliIo, t: Translate, lang: Lang, refusal: BundleRefusal, file?: string): void {
  const message = refusalMessage(lang, refusal);
  writeLines(io.stderr, [
    ...(file === undefined ? [] : [file]),
    t('bundle.refused', { reason: refusal.reason, message }),
    `  (${refusal.detail.problem})`,
  ]);
}

/** Reads a whole file, or writes why not (localized) and returns null. */
export function readFileOrReport(io: CliIo, t: Translate, file: string): Uint8Array | null {
  try {
    const buffer = readFileSync(file);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    writeLines(io.stderr, [fileError(t, 'errors.readFailed', file, error)]);
    return null;
  }
}

/** Writes a whole file, or writes why not (localized) and returns false. */
export function writeFileOrReport(io: CliIo, t: Translate, file: string, bytes: Uint8Array): boolean {
  try {
    writeFileSync(file, bytes);
    return true;
  } catch (error) {
    writeLines(io.stderr, [fileError(t, 'errors.writeFailed', file, error)]);
    return false;
  }
}

function fileError(t: Translate, key: 'errors.readFailed' | 'errors.writeFailed', file: string, error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT' && key === 'errors.readFailed') return t('errors.fileNotFound', { file });
  if (code === 'EISDIR') return t('errors.isDirectory', { file });
  return t(key, { file, message: error instanceof Error ? error.message : String(error) });
}
