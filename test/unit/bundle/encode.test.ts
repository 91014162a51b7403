import { describe, expect, it } from 'vitest';
import { BundleEncodeError, decodeBundle, encodeBundle, type BundleInput } from '../../../shared/sync/bundle/index';
import { canonicalJson } from '../../../shared/sync/bundle/canonicalJson';
import { formatStamp } from '../../../shared/sync/hlc';
import { changeLines, entriesOf, manifestOf, smallInput, utf8 } from './bundleFixtures';
import { APP_TABLES } from '../../../shared/app/registry';
import { demoBundleInput } from '../../../shared/app/demo';

const reversedKeys = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).reverse()) as T;

describe('encodeBundle', () => {
  it('writes the same bytes for the same input, whatever the order of changes, blobs and keys', async () => {
    const blobs = [utf8('one'), utf8('two'), utf8('three')];
    const input = smallInput(30, blobs);
    const first = await encodeBundle(input, { tables: APP_TABLES });
    const shuffled: BundleInput = {
      ...input,
      changes: [...input.changes].reverse().map((c) => reversedKeys({ ...c, fields: reversedKeys(c.fields) })),
      blobs: [...blobs].reverse(),
      vector: reversedKeys(input.vector),
    };
    expect(await encodeBundle(shuffled, { tables: APP_TABLES })).toEqual(first);
  });

  it('writes the demo county byte for byte the same on every run', async () => {
    const a = await encodeBundle(demoBundleInput(), { tables: APP_TABLES });
    const b = await encodeBundle(demoBundleInput(), { tables: APP_TABLES });
    expect(a).toEqual(b);
    expect(a.length).toBeLessThan(40_000);
  });

  it('lays out manifest.json first, then changes.ndjson, then the blobs by hash', async () => {
    const entries = entriesOf(await encodeBundle(smallInput(3, [utf8('b'), utf8('a')]), { tables: APP_TABLES }));
    const names = Object.keys(entries);
    expect(names.slice(0, 2)).toEqual(['manifest.json', 'changes.ndjson']);
    expect(names.slice(2)).toEqual([...names.slice(2)].sort());
    expect(names.slice(2).every((n) => /^blobs\/[0-9a-f]{64}$/.test(n))).toBe(true);
  });

  it('writes each change as one line of canonical JSON, in clock order', async () => {
    const input = smallInput(5);
    const lines = changeLines(entriesOf(await encodeBundle(input, { tables: APP_TABLES })));
    expect(lines).toEqual(input.changes.map((c) => canonicalJson(c)));
  });

  it('stores a blob once however often it is given, and keeps a highly compressible one importable', async () => {
    const zeros = new Uint8Array(3_000_000);
    const bytes = await encodeBundle(smallInput(2, [zeros, zeros, utf8('x')]), { tables: APP_TABLES });
    expect(manifestOf(entriesOf(bytes)).counts.blobs).toBe(2);
    const decoded = await decodeBundle(bytes, { tables: APP_TABLES });
    expect(decoded.ok && [...decoded.blobs.values()].map((b) => b.length).sort()).toEqual([1, 3_000_000]);
  });

  it('keeps one copy of a change given twice', async () => {
    const input = smallInput(4);
    const decoded = await decodeBundle(await encodeBundle({ ...input, changes: [...input.changes, ...input.changes] }, { tables: APP_TABLES }), { tables: APP_TABLES });
    expect(decoded.ok && decoded.changes).toEqual(input.changes);
  });

  it('reports progress up to the total size of the parts', async () => {
    const seen: number[] = [];
    let total = 0;
    await encodeBundle(smallInput(10), { tables: APP_TABLES, onProgress: (done, all) => (seen.push(done), (total = all)) });
    expect(seen.length).toBe(2);
    expect(seen.at(-1)).toBe(total);
  });

  it('accepts a vector ahead of the changes in a changes bundle: the sender knows more than it sends', async () => {
    const input = smallInput(5);
    const ahead = formatStamp(Date.parse('2027-01-01T00:00:00Z'), 0, input.sender.device);
    const decoded = await decodeBundle(await encodeBundle({ ...input, kind: 'changes', vector: { [input.sender.device]: ahead } }, { tables: APP_TABLES }), { tables: APP_TABLES });
    expect(decoded.ok).toBe(true);
  });

  describe('throws BundleEncodeError rather than write what would be refused', () => {
    const input = smallInput(4);
    const [first] = input.changes;
    it.each<[string, Partial<BundleInput>]>([
      ['an invalid change', { changes: [{ ...first!, hlc: 'yesterday' }] }],
      ['a change outside the county', { changes: [{ ...first!, scope: 'KC' }] }],
      ['a value JSON cannot carry', { changes: [{ ...first!, table: 'futureTable', fields: { when: new Date(0) } }] }],
      ['a value JSON would turn into null', { changes: [{ ...first!, table: 'futureTable', fields: { n: Number.NaN } }] }],
      ['one id with two contents', { changes: [first!, { ...first!, author: 'other' }] }],
      ['a vector behind the changes', { vector: { [first!.device]: first!.hlc } }],
      ['a full bundle with a vector ahead of its changes', { vector: { [first!.device]: formatStamp(Date.parse('2027-01-01T00:00:00Z'), 0, first!.device) } }],
      ['a creation time that is not ISO', { created: 'Tuesday' }],
      ['a county code that is no org code', { county: { code: 'lt' }, changes: [], vector: {} }],
    ])('%s', async (_name, change) => {
      await expect(encodeBundle({ ...input, ...change }, { tables: APP_TABLES })).rejects.toBeInstanceOf(BundleEncodeError);
    });
  });
});
