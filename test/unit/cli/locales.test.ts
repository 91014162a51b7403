import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const load = (lang: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../locales/${lang}/cli.json`, import.meta.url), 'utf8'));

/** Every leaf as [dotted key, text]. */
function leaves(node: unknown, prefix = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[prefix, node]];
  if (typeof node !== 'object' || node === null) throw new Error(`${prefix}: not text`);
  return Object.entries(node).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

const zh = new Map(leaves(load('zh-CN')));
const ug = new Map(leaves(load('ug')));
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1] ?? '').sort();

describe('locales/*/cli.json', () => {
  it('have identical keys in Chinese and Uyghur', () => {
    expect([...ug.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of zh) expect(placeholders(ug.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('write Uyghur in Arabic script, not Chinese', () => {
    for (const [key, text] of ug) {
      expect(text, key).not.toMatch(/[\u4E00-\u9FFF]/);
      // Usage lines are command syntax and may be Latin only; every other message is Uyghur.
      if (!key.startsWith('usage.')) expect(text, key).toMatch(/[\u0600-\u06FF]/);
    }
  });
});
