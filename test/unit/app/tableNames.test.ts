import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_TABLES } from '../../../shared/app/registry';
import { LANGS } from '../../../shared/i18n/lang';

/** locales/<lang>/common.json: where the import preview, the conflicts page and the command line take table names from. */
const tableNames = (lang: string): Record<string, unknown> =>
  (JSON.parse(readFileSync(new URL(`../../../locales/${lang}/common.json`, import.meta.url), 'utf8')) as { tables: Record<string, unknown> }).tables;

describe('every registered table has a name people read', () => {
  for (const lang of LANGS) {
    it.each([...APP_TABLES.names])(`%s is named in ${lang}`, (table) => {
      const name = tableNames(lang)[table];
      expect(typeof name === 'string' && name.trim() !== '', `common:tables.${table} in locales/${lang}`).toBe(true);
      // Uyghur in Arabic script, Chinese in Han characters: never the table's identifier left untranslated.
      expect(name).toMatch(lang === 'ug' ? /^[\u0600-\u06FF\s]+$/ : /[\u4E00-\u9FFF]/);
    });
  }

  it('names no table that is not registered', () => {
    for (const lang of LANGS) expect(Object.keys(tableNames(lang)).sort()).toEqual([...APP_TABLES.names].sort());
  });
});
