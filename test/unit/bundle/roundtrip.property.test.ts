import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../../shared/demo/prng';
import { decodeBundle, encodeBundle, type BundleInput } from '../../../shared/sync/bundle/index';
import { sha256Hex } from '../../../shared/sync/bundle/hash';
import { changeSchema, type Change } from '../../../shared/sync/change';
import { formatStamp } from '../../../shared/sync/hlc';
import { vectorOf } from '../../../shared/sync/vector';
import { APP_TABLES } from '../../../shared/app/registry';

const DEVICES = ['00000000000000a1', '00000000000000b2', 'de00000000000001'];
const FIRST = Date.UTC(2020, 0, 1);
const LAST = Date.UTC(2035, 0, 1);

/**
 * Valid changes of every kind the format must carry: known and future tables, fields this build
 * does not know (parked on import, but carried all the same), any JSON value, bases seen or not.
 */
const changeArb: fc.Arbitrary<Change> = fc
  .record({
    device: fc.constantFrom(...DEVICES),
    wall: fc.integer({ min: FIRST, max: LAST }),
    counter: fc.integer({ min: 0, max: 0xffff }),
    author: fc.string({ minLength: 1, maxLength: 64 }),
    table: fc.constantFrom('org', 'round', 'statReport', 'futureTable'),
    row: fc.string({ minLength: 1, maxLength: 128 }),
    fields: fc.dictionary(fc.stringMatching(/^x_[a-z0-9]{1,8}$/), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
    sawBase: fc.boolean(),
    scope: fc.constantFrom('LT', 'LT-01', 'LT-01-003', 'LT-ZZZZ'),
    schema: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ device, wall, counter, sawBase, fields, ...rest }) => {
    const hlc = formatStamp(wall, counter, device);
    const base = Object.fromEntries(Object.keys(fields).map((f) => [f, sawBase ? formatStamp(FIRST, 0, device) : '']));
    return { id: hlc, hlc, device, fields, base, ...rest };
  });

const inputArb: fc.Arbitrary<BundleInput> = fc
  .record({
    changes: fc.uniqueArray(changeArb, { selector: (c) => c.id, maxLength: 25 }),
    blobs: fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 3 }),
    name: fc.option(fc.record({ zh: fc.string(), ug: fc.string() }, { requiredKeys: [] }), { nil: undefined }),
    account: fc.string({ minLength: 1, maxLength: 64 }),
    scope: fc.option(fc.constantFrom('LT', 'LT-01'), { nil: undefined }),
    created: fc.integer({ min: FIRST, max: LAST }).map((ms) => new Date(ms).toISOString()),
    full: fc.boolean(),
    sender: fc.constantFrom(...DEVICES),
    senderName: fc.option(fc.constantFrom('县团委 1号机', 'بۈگۈر 2', 'PC-07'), { nil: undefined }),
  })
  .map(({ changes, blobs, name, account, scope, created, full, sender, senderName }) => {
    const vector = { ...vectorOf(changes) };
    // A changes bundle's sender may know more than it sends.
    if (!full) vector[sender] = formatStamp(LAST + 1, 0, sender);
    return {
      county: name === undefined ? { code: 'LT' } : { code: 'LT', name },
      sender: {
        device: sender,
        account,
        ...(scope === undefined ? {} : { scope }),
        ...(senderName === undefined ? {} : { name: senderName }),
      },
      kind: full ? ('full' as const) : ('changes' as const),
      changes,
      blobs,
      vector,
      created,
    };
  });

const byClock = (a: Change, b: Change) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0);

describe('bundle round trip (property)', () => {
  it('decode(encode(x)) gives back the changes, blobs and manifest, and encoding is deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(inputArb, fc.integer(), async (input, seed) => {
        const bytes = await encodeBundle(input, { tables: APP_TABLES });
        const decoded = await decodeBundle(bytes, { tables: APP_TABLES, expectedCounty: 'LT' });
        if (!decoded.ok) throw new Error(`${decoded.reason}: ${decoded.detail.problem}`);

        // JSON has one zero: -0 comes back as 0, as from any JSON file.
        const expected = input.changes.map((c) => changeSchema.parse(c)).sort(byClock);
        expect(JSON.parse(JSON.stringify(decoded.changes))).toEqual(JSON.parse(JSON.stringify(expected)));
        expect(decoded.changes.every((c) => changeSchema.safeParse(c).success)).toBe(true);

        const blobs = new Map(await Promise.all(input.blobs!.map(async (b) => [await sha256Hex(b), b] as const)));
        expect(decoded.blobs).toEqual(blobs);
        expect(decoded.manifest).toEqual({
          format: 'league-desk-bundle',
          // The lowest version that carries the manifest: 2 only for a named sender.
          version: input.sender.name === undefined ? 1 : 2,
          county: input.county,
          sender: input.sender,
          created: input.created,
          kind: input.kind,
          counts: decoded.manifest.counts,
          parts: decoded.manifest.parts,
          vector: input.vector,
        });
        expect(decoded.manifest.counts.changes).toBe(expected.length);
        expect(decoded.manifest.counts.blobs).toBe(blobs.size);

        // The same input in another order gives the same bytes.
        const prng = createPrng(seed);
        const shuffle = <T>(items: readonly T[]): T[] => {
          const out = [...items];
          for (let i = out.length - 1; i > 0; i--) {
            const j = prng.intBetween(0, i);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        const again = await encodeBundle({ ...input, changes: shuffle(input.changes), blobs: shuffle(input.blobs!) }, { tables: APP_TABLES });
        expect(again).toEqual(bytes);
      }),
      { numRuns: 150, seed: 20260125 },
    );
  }, 30_000);
});
