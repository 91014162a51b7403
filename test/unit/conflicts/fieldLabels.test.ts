/**
 * The conflicts and refused pages name a field in people's words (ConflictSubject.tsx fieldLabel):
 * every field of every synced table has a label in both languages — a raw key such as `contactName`
 * or `awardOverride` never reaches a screen. A feature adding a field adds its label.
 */
import { describe, expect, it } from 'vitest';
import { APP_REGISTRY } from '../../../shared/app/registry';
import { ALL_FIGURES } from '../../../shared/domain/stats';
import zh from '../../../locales/zh-CN/conflicts.json';
import ug from '../../../locales/ug/conflicts.json';

/** Report figures take the statistics page's own labels. */
const labelledElsewhere = (table: string, field: string) => field === 'id' || (table === 'statReport' && (ALL_FIGURES as readonly string[]).includes(field));

describe('field labels on the conflicts and refused pages', () => {
  it.each([
    ['zh-CN', zh.fields as Record<string, string>],
    ['ug', ug.fields as Record<string, string>],
  ])('every synced table’s fields have one (%s)', (_lang, fields) => {
    const missing = APP_REGISTRY.tables.defs.flatMap((def) => Object.keys(def.row.shape).filter((f) => !labelledElsewhere(def.name, f) && !(fields[f] ?? '').trim()).map((f) => `${def.name}.${f}`));
    expect(missing).toEqual([]);
  });
});
