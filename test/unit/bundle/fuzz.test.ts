import { describe, expect, it } from 'vitest';
import { createPrng } from '../../../shared/demo/prng';
import { decodeBundle, encodeBundle, REFUSAL_REASONS, type BundleInput, type DecodedBundle, type RefusalReason } from '../../../shared/sync/bundle/index';
import { canonicalState, valuesEqual } from '../../../shared/sync/canonical';
import { changeSchema, type Change } from '../../../shared/sync/change';
import { SyncError } from '../../../shared/sync/errors';
import { formatStamp } from '../../../shared/sync/hlc';
import { applyImport, planImport } from '../../../shared/sync/import';
import { memoryAccess, type MemorySyncStore } from '../../../shared/sync/memoryAccess';
import { vectorOf } from '../../../shared/sync/vector';
import { entriesOf, utf8 } from './bundleFixtures';
import { MUTATIONS, type Pristine } from './fuzzMutations';
import { APP_TABLES } from '../../../shared/app/registry';
import { DEMO_CLOCK_START } from '../../../shared/demo/writer';
import { demoBundleInput } from '../../../shared/app/demo';
import { carriedRecordProblem } from '../../../shared/trust/carried';
import { demoCounty } from '../../../shared/trust/demo';
import { sealChanges } from '../../../shared/trust/seal';

/**
 * Fuzzing the reader: many damaged and hostile variants of two small bundles, each of which must be
 * refused with a reason code or, if still valid, decode to changes that pass changeSchema and
 * merge into a store without breaking its invariants. Nothing may throw. Seeded: iteration i
 * always makes the same bundle, so a failure names a case that can be replayed.
 */
const SEED = 0x1ea9;
const ITERATIONS = 1_320;
const NOW = DEMO_CLOCK_START + 3 * 24 * 3600 * 1000;
const OTHER_DEVICE = '00000000000000b2';

/** A full bundle (demo organisations, the round, some reports, and another PC's edits), and a changes bundle. */
async function pristineBundles(): Promise<{ full: BundleInput; bundles: Pristine[] }> {
  const demo = demoBundleInput();
  const reports = demo.changes.filter((c) => c.table === 'statReport').slice(0, 6);
  const own = [...demo.changes.filter((c) => c.table === 'org').slice(0, 14), ...demo.changes.filter((c) => c.table === 'round'), ...reports];
  // Edits made elsewhere without seeing the demo's values: each overwrite is a conflict to record.
  const edits: Change[] = reports.slice(0, 3).map((report, i) => {
    const hlc = formatStamp(DEMO_CLOCK_START + 86_400_000, i, OTHER_DEVICE);
    return { ...report, id: hlc, hlc, device: OTHER_DEVICE, author: 'township-clerk', fields: { members: 40 + i }, base: { members: '' } };
  });
  // The demo county's trust records for the demo PC's changes: its certificate and a seal of them.
  const county = await demoCounty();
  const seal = await sealChanges(own, county.device);
  const full: BundleInput = {
    ...demo,
    changes: [...own, ...edits],
    vector: { ...vectorOf([...own, ...edits]) },
    blobs: [utf8('a letter'), utf8('a photo')],
    trust: [county.device.certificate, seal],
  };
  const delta: BundleInput = {
    ...demo,
    kind: 'changes',
    sender: { device: OTHER_DEVICE, account: 'township-clerk', scope: 'LT' },
    changes: edits,
    vector: { ...vectorOf([...own, ...edits]) },
  };
  const bundles = await Promise.all([full, delta].map(async (input) => {
    const bytes = await encodeBundle(input, { tables: APP_TABLES, trustRecord: carriedRecordProblem });
    return { bytes, entries: entriesOf(bytes) };
  }));
  return { full, bundles };
}

/** What the merge core promises of any store, whatever was imported into it. */
async function expectStoreInvariants(store: MemorySyncStore): Promise<void> {
  const log = new Map((await store.allChanges()).map((c) => [c.id, c]));
  const parked = new Set((await store.getParked()).map((c) => c.id));
  for (const id of parked) expect(log.has(id), `parked ${id} is in the log`).toBe(true);
  for (const table of APP_TABLES.names) {
    for (const row of await store.allRows(table)) {
      for (const [field, stamp] of Object.entries(row._clock)) {
        // Every value held was written by a logged change, which wrote exactly this value.
        const writer = log.get(stamp);
        expect(writer, `${table}/${row.id}.${field} stamp ${stamp} is in the log`).toBeDefined();
        expect([writer!.table, writer!.row]).toEqual([table, row.id]);
        expect(valuesEqual(writer!.fields[field], row[field])).toBe(true);
      }
      for (const field of Object.keys(row)) if (field !== 'id' && field !== '_clock') expect(row._clock[field]).toBeDefined();
    }
  }
  // The greatest stamp wins each field: no applied change is newer than what its row holds.
  for (const change of log.values()) {
    if (parked.has(change.id)) continue;
    const [row] = await store.getRows(change.table as string, [change.row]);
    for (const field of Object.keys(change.fields)) expect(row!._clock[field]! >= change.hlc).toBe(true);
  }
  expect(await store.getVector()).toEqual(vectorOf(log.values()));
}

/** Imports a valid decoded bundle into a fresh store, or one already holding the pristine bundle. */
async function expectImportSafe(decoded: DecodedBundle, preload: readonly Change[]): Promise<'applied' | 'import-refused'> {
  const store = memoryAccess({ tables: APP_TABLES, now: () => NOW });
  if (preload.length > 0) await store.applyChanges(preload);
  const before = await canonicalState(store);
  const sender = { senderScope: decoded.manifest.sender.scope, senderAuthor: decoded.manifest.sender.account };
  const plan = await planImport(decoded.changes, store, { now: NOW, ...sender });
  if (plan.refused) {
    // Only the store can know an id already holds other content; refused means nothing written.
    expect(plan.invalid).toEqual([]);
    await expect(applyImport(plan, store)).rejects.toBeInstanceOf(SyncError);
    expect(await canonicalState(store)).toBe(before);
    return 'import-refused';
  }
  await applyImport(plan, store);
  await expectStoreInvariants(store);
  const after = await canonicalState(store);
  const again = await store.applyChanges(decoded.changes, { now: NOW });
  expect(again.alreadyApplied).toBe(decoded.changes.length);
  expect(await canonicalState(store)).toBe(after);
  return 'applied';
}

/** Reasons each mutation may lead to; `ok` where the damage can leave a valid bundle. */
const ALLOWED: Record<string, ReadonlyArray<RefusalReason | 'ok'>> = {
  truncate: ['truncated', 'not-a-zip'],
  removeEntry: ['part-missing', 'unknown-format'],
  unsafeName: ['unsafe-entry-name'],
  bomb: ['compression-bomb'],
  duplicateEntry: ['compression-bomb'],
  unexpectedEntry: ['unexpected-entry'],
  alterWithoutRehash: ['hash-mismatch'],
  alterRecords: ['ok', 'record-invalid', 'duplicate-change', 'manifest-invalid'],
  alterTrust: ['ok', 'trust-invalid', 'manifest-invalid'],
};

describe('decodeBundle under fuzzing', () => {
  it(`refuses or safely accepts ${ITERATIONS} damaged and hostile bundles, never throwing`, async () => {
    const { full, bundles } = await pristineBundles();
    const preload = full.changes;
    const kinds = Object.keys(MUTATIONS);
    const tally = new Map<string, Map<string, number>>();
    for (let i = 0; i < ITERATIONS; i++) {
      const kind = kinds[i % kinds.length]!;
      const prng = createPrng(SEED + i);
      const base = bundles[prng.intBetween(0, bundles.length - 1)]!;
      const bytes = await MUTATIONS[kind]!(base, prng);
      let outcome: string;
      try {
        const result = await decodeBundle(bytes, { tables: APP_TABLES, expectedCounty: 'LT', maxEntryBytes: 8 * 1024 * 1024, trustRecord: carriedRecordProblem });
        if (result.ok) {
          expect(result.changes.every((c) => changeSchema.safeParse(c).success)).toBe(true);
          // Every trust record that came through is one the trust core reads (or a newer version of one).
          expect(result.trust.map(carriedRecordProblem).filter((p) => p !== null)).toEqual([]);
          // Every other round of mutations meets a store that already holds the pristine bundle.
          const preloaded = Math.floor(i / kinds.length) % 2 === 0;
          outcome = `ok/${await expectImportSafe(result, preloaded ? preload : [])}`;
        } else {
          expect(REFUSAL_REASONS).toContain(result.reason);
          expect(typeof result.detail.problem).toBe('string');
          outcome = result.reason;
        }
        const allowed = ALLOWED[kind];
        if (allowed) expect(allowed, `${kind} gave ${outcome}`).toContain(outcome.startsWith('ok/') ? 'ok' : outcome);
      } catch (error) {
        throw new Error(`iteration ${i} (${kind}): ${error instanceof Error ? error.stack : String(error)}`);
      }
      const counts = tally.get(kind) ?? new Map<string, number>();
      counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
      tally.set(kind, counts);
    }

    // Every mutation was refused at least sometimes, and the refusals cover most reason codes.
    for (const kind of kinds) {
      const refusals = [...(tally.get(kind) ?? new Map()).entries()].filter(([o]) => !o.startsWith('ok/'));
      expect(refusals.length, `${kind} never refused`).toBeGreaterThan(0);
    }
    const seen = new Set([...tally.values()].flatMap((m) => [...m.keys()]));
    for (const reason of REFUSAL_REASONS.filter((r) => r !== 'wrong-county' && r !== 'entry-too-large' && r !== 'bundle-too-large' && r !== 'too-many-parked')) {
      expect(seen, reason).toContain(reason);
    }
    expect(seen).toContain('ok/applied');
    expect(seen).toContain('ok/import-refused');
    console.info(
      `bundle fuzz: ${ITERATIONS} bundles\n${[...tally].map(([kind, m]) => `  ${kind}: ${[...m].map(([o, n]) => `${o} ${n}`).join(', ')}`).join('\n')}`,
    );
  }, 60_000);
});
