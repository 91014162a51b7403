import { describe, expect, it } from 'vitest';
import ug from '../../../locales/ug/orgs.json';
import zh from '../../../locales/zh-CN/orgs.json';
import { SCHOOL_LEVELS } from '../../../shared/domain/org';
import { ORG_REASONS } from '../../../shared/orgs/reasons';

const LOCALES = { 'zh-CN': zh, ug } as const;

describe('locales/*/orgs.json', () => {
  it.each(Object.entries(LOCALES))('%s has a message for every reason code and school level the screen builds a key for', (_, messages) => {
    for (const reason of ORG_REASONS) expect((messages.errors as Record<string, string>)[reason], reason).toMatch(/\S/);
    for (const level of SCHOOL_LEVELS) expect((messages.schoolLevels as Record<string, string>)[level], level).toMatch(/\S/);
  });

  it('writes Uyghur in Arabic script, never in Chinese characters', () => {
    const leaves = (node: unknown): string[] => (typeof node === 'string' ? [node] : Object.values(node as object).flatMap(leaves));
    for (const text of leaves(ug)) {
      expect(text).not.toMatch(/[\u4E00-\u9FFF]/);
      expect(text).toMatch(/[\u0600-\u06FF]/);
    }
  });
});
