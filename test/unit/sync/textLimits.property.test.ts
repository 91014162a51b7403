/**
 * Text fields have maximum lengths (TEXT_LIMITS), checked where every change is checked: property
 * tests at sizes around each limit, in Chinese, Uyghur and emoji, through the check itself, a local
 * write and a file import.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WriteRefusedError } from '../../../renderer/src/store/repository';
import { openStore } from '../../../renderer/src/store/store';
import { decodeBundle } from '../../../shared/sync/bundle';
import { textLimit, TEXT_LIMITS, TEXT_TOO_LONG, validateChangeValues } from '../../../shared/sync/validate';
import { smallBundle, withChange } from '../bundle/bundleFixtures';
import { freshDb } from '../store/fakeDb';
import { change } from './mergeFixtures';

const ALPHABETS = {
  chinese: ['团', '员', '青', '年', '乡', '镇'],
  uyghur: ['ئ', 'ۇ', 'ي', 'غ', 'ۇ', 'ر', 'ە'],
  emoji: ['😀', '🇨🇳', '👩‍👩‍👧'],
} as const;

/** A text of exactly `length` UTF-16 code units from one alphabet (an odd tail filled with 'a'). */
function textOf(alphabet: readonly string[], length: number, seed: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) {
    const next = alphabet[(seed + i) % alphabet.length]!;
    out += out.length + next.length <= length ? next : 'a';
  }
  return out;
}

/** Where a text can go, with how the change carries it. */
const PLACES = [
  { table: 'org', field: 'name', value: (t: string) => ({ zh: t }) },
  { table: 'org', field: 'name', value: (t: string) => ({ ug: t }) },
  { table: 'org', field: 'secretaryName', value: (t: string) => t },
  { table: 'statReport', field: 'returnComment', value: (t: string) => t },
  { table: 'entry', field: 'notes', value: (t: string) => t },
] as const;

const tooLong = (problems: string[]) => problems.some((p) => p.includes(`: ${TEXT_TOO_LONG}:`));

describe('text limits', () => {
  it('the limits are the documented ones', () => {
    expect(TEXT_LIMITS.default).toBe(2_000);
    expect(textLimit({ table: 'org', schema: 1 }, 'name')).toBe(200);
    expect(textLimit({ table: 'entry', schema: 1 }, 'text')).toBe(200_000);
    expect(textLimit({ table: 'poll', schema: 1 }, 'title')).toBe(TEXT_LIMITS.unknown);
  });

  it('a text is refused exactly when it is longer than its field allows, in any script', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLACES),
        fc.constantFrom(...(Object.keys(ALPHABETS) as Array<keyof typeof ALPHABETS>)),
        fc.integer({ min: -3, max: 3 }),
        fc.nat(50),
        (place, script, offset, seed) => {
          const limit = textLimit({ table: place.table, schema: 1 }, place.field);
          const text = textOf(ALPHABETS[script], limit + offset, seed);
          expect(text.length).toBe(limit + offset);
          const problems = validateChangeValues(change({ table: place.table as 'org', fields: { [place.field]: place.value(text) } }));
          expect(tooLong(problems)).toBe(offset > 0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('an essay may be long, up to its own limit; keys and nested texts count; unknown fields have a ceiling', () => {
    const essay = textOf(ALPHABETS.uyghur, 200_000, 1);
    expect(tooLong(validateChangeValues(change({ table: 'entry' as 'org', fields: { text: essay } })))).toBe(false);
    expect(tooLong(validateChangeValues(change({ table: 'entry' as 'org', fields: { text: `${essay}😀` } })))).toBe(true);
    expect(tooLong(validateChangeValues(change({ fields: { name: { zh: '团', [textOf(ALPHABETS.chinese, 201, 0)]: 'x' } } })))).toBe(true);
    expect(tooLong(validateChangeValues(change({ table: 'poll' as 'org', fields: { title: 'x'.repeat(TEXT_LIMITS.unknown + 1) } })))).toBe(true);
    expect(tooLong(validateChangeValues(change({ table: 'poll' as 'org', fields: { title: 'x'.repeat(TEXT_LIMITS.unknown) } })))).toBe(false);
  });

  it('a local write over the limit is refused as text-too-long and writes nothing; at the limit it is stored', async () => {
    const store = await openStore(freshDb());
    const org = (name: string) => ({ table: 'org' as const, row: 'lt', fields: { code: 'LT', name: { zh: name }, kind: 'county', parentId: null, archived: false }, scope: 'LT' });
    const refused = await store.repo.write([org(textOf(ALPHABETS.emoji, 201, 0))]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WriteRefusedError);
    expect(refused).toMatchObject({ reason: 'text-too-long', detail: { table: 'org', row: 'lt' } });
    expect(await store.db.table('org').count()).toBe(0);
    await store.repo.write([org(textOf(ALPHABETS.emoji, 200, 0))]);
    expect(await store.db.table('org').count()).toBe(1);
  });

  it('a file with a 3 MB organisation name (a million Chinese characters) is refused, with the line', async () => {
    // Varied characters, so the part does not deflate like a zip bomb (refused for that first).
    let x = 7;
    const name = Array.from({ length: 1_000_000 }, () => String.fromCharCode(0x4e00 + (((x = (x * 1103515245 + 12345) >>> 0) >>> 16) % 20_000))).join('');
    const bytes = await withChange(await smallBundle(5), 2, (c) => {
      expect(c['table']).toBe('org');
      c['fields'] = { ...(c['fields'] as object), name: { zh: name } };
    });
    const result = await decodeBundle(bytes);
    expect(result).toMatchObject({ ok: false, reason: 'record-invalid', detail: { line: 3 } });
    if (!result.ok) expect(result.detail.problem).toContain(TEXT_TOO_LONG);
  });
});
