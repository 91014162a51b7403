import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFUSAL_REASONS, type RefusalDetails, type RefusalReason } from '../../../shared/sync/bundle/index';

const load = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../../locales/${lang}/bundle.json`, import.meta.url), 'utf8')) as { refusal: Record<string, string> };

/** The fields of each reason's detail a message may use (`problem` is English, for logs only). */
const FIELDS = {
  'not-a-zip': [],
  truncated: [],
  'newer-format': ['version'],
  'unknown-format': [],
  'manifest-invalid': [],
  'part-missing': ['entry'],
  'hash-mismatch': ['entry'],
  'record-invalid': ['line'],
  'unsafe-entry-name': ['entry'],
  'entry-too-large': ['entry', 'size', 'limit'],
  'bundle-too-large': ['size', 'limit'],
  'compression-bomb': ['entry'],
  'duplicate-change': ['id', 'line'],
  'trust-invalid': ['line'],
  'wrong-county': ['expected', 'found'],
  'unexpected-entry': ['entry'],
  'too-many-parked': ['parked', 'limit'],
} as const satisfies { [R in RefusalReason]: ReadonlyArray<Exclude<keyof RefusalDetails[R], 'problem'>> };

const placeholders = (message: string) => [...message.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);

describe('locales/*/bundle.json', () => {
  for (const lang of ['zh-CN', 'ug']) {
    const messages = load(lang).refusal;

    it(`${lang}: has a message for exactly the reason codes`, () => {
      expect(Object.keys(messages).sort()).toEqual([...REFUSAL_REASONS].sort());
    });

    it(`${lang}: uses only placeholders the reason's detail provides`, () => {
      for (const reason of REFUSAL_REASONS) {
        const allowed: readonly string[] = FIELDS[reason];
        for (const name of placeholders(messages[reason]!)) expect(allowed, `${reason} uses {{${name}}}`).toContain(name);
      }
    });

    it(`${lang}: says what to do, not only what happened`, () => {
      // Each message is at least two sentences: what happened, then what to do about it.
      const stop = lang === 'ug' ? /[.؟!]/g : /[。！]/g;
      for (const reason of REFUSAL_REASONS) expect((messages[reason]!.match(stop) ?? []).length, reason).toBeGreaterThanOrEqual(2);
    });
  }

  it('writes Uyghur in Arabic script and Chinese in Han characters', () => {
    const ug = load('ug').refusal;
    const zh = load('zh-CN').refusal;
    for (const reason of REFUSAL_REASONS) {
      expect(ug[reason], reason).toMatch(/[\u0600-\u06FF]/);
      expect(ug[reason], reason).not.toMatch(/[\u4E00-\u9FFF]/);
      expect(zh[reason], reason).toMatch(/[\u4E00-\u9FFF]/);
    }
  });
});
