import { bundlePageScript, median, openBenchPage, type Benchmark, type BenchResult } from './harness';

const ROUNDS = 3;

interface StoreRound {
  raw: number;
  imported: number;
  plain: number;
  preview: number;
  local: number[];
  changes: number;
}

/**
 * What trust costs (issue 14), in Chromium: hashing 100,000 changes with the synchronous SHA-256
 * beside WebCrypto's digest (which is why shared/trust/sha256.ts exists); sealing and verifying
 * 20 PCs' seals of 5,000 changes; deciding every change (authorize, in stamp order); a local write's
 * seal; and the PBKDF2 work factor of the authority file. Then issue 14's two goals through the
 * store (bench/page/trustBench.ts `storeRun`): the import of those signed changes into an enforcing
 * PC ÷ the raw IndexedDB write of the same changes, and a local write of one cell (gate + seal).
 */
export const trust: Benchmark = {
  name: 'trust',
  async run(ctx) {
    const page = await openBenchPage(ctx, await bundlePageScript('bench/page/trustBench.ts'));
    type Round = Record<'canonical' | 'hashSync' | 'hashWebCrypto' | 'changeHash' | 'seal20' | 'signOne' | 'prepareChanges' | 'prepareSeals' | 'verifyChanges' | 'decide' | 'keygen' | 'pbkdf2App' | 'pbkdf2Min' | 'setup' | 'sealKiB', number> & {
      localSeal: number[];
      localCheck: number[];
    };
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) rounds.push(await page.evaluate(() => (globalThis as unknown as { trustBench(): Promise<Round> }).trustBench()));
    const stored: StoreRound[] = [];
    for (let i = 0; i < ROUNDS; i++) stored.push(await page.evaluate((n) => (globalThis as unknown as { trustStoreBench(n: number): Promise<StoreRound> }).trustStoreBench(n), i));
    await page.context().close();
    const count = stored[0]!.changes.toLocaleString('en');
    const samples = (key: Exclude<keyof Round, 'localSeal' | 'localCheck'>) => rounds.map((r) => r[key]);
    const importTotal = rounds.map((r) => r.prepareChanges + r.prepareSeals + r.verifyChanges + r.decide);
    const results: BenchResult[] = [
      { name: 'canonical JSON of 100,000 changes (either way)', unit: 'ms', samples: samples('canonical') },
      { name: 'SHA-256 of those 100,000 texts: synchronous (shared/trust)', unit: 'ms', samples: samples('hashSync') },
      { name: 'SHA-256 of those 100,000 texts: WebCrypto, UTF-8 + digest, all awaited at once', unit: 'ms', samples: samples('hashWebCrypto') },
      { name: 'WebCrypto ÷ synchronous', unit: '×', samples: rounds.map((r) => r.hashWebCrypto / r.hashSync) },
      { name: 'changeHash of 100,000 changes (canonical JSON + synchronous SHA-256)', unit: 'ms', samples: samples('changeHash') },
      { name: 'seal 20 PCs × 5,000 changes (hash + sign)', unit: 'ms', samples: samples('seal20') },
      { name: 'sign one seal of 5,000 hashes (Ed25519)', unit: 'ms', samples: samples('signOne'), note: `${rounds[0]!.sealKiB.toFixed(0)} KiB of JSON` },
      { name: 'import: parse + hash 102,502 changes', unit: 'ms', samples: samples('prepareChanges') },
      { name: 'import: parse + check 21 seals and 21 certificates', unit: 'ms', samples: samples('prepareSeals') },
      { name: 'import: verify every change against the seals', unit: 'ms', samples: samples('verifyChanges') },
      { name: 'import: decide every change (authorize in stamp order)', unit: 'ms', samples: samples('decide') },
      { name: 'import: all trust work for 100,000 signed changes', unit: 'ms', samples: importTotal },
      { name: 'local write: seal one change (hash + sign)', unit: 'ms', samples: rounds.flatMap((r) => r.localSeal), goal: 16 },
      { name: 'check one seal’s signature', unit: 'ms', samples: rounds.flatMap((r) => r.localCheck) },
      { name: 'make a device key pair (Ed25519)', unit: 'ms', samples: samples('keygen') },
      { name: 'PBKDF2-SHA-256, 600,000 iterations (authority file)', unit: 'ms', samples: samples('pbkdf2App') },
      { name: 'PBKDF2-SHA-256, 100,000 iterations (readers’ minimum)', unit: 'ms', samples: samples('pbkdf2Min') },
      { name: 'set up the county authority (two keys, two PBKDF2 runs)', unit: 'ms', samples: [rounds[0]!.setup] },
      { name: `store: raw IndexedDB bulk write of the same ${count} changes + rows`, unit: 'ms', samples: stored.map((r) => r.raw) },
      {
        name: `store: import ${count} signed changes from 20 PCs (enforcing, county pinned, seals + certificates carried, all authorized)`,
        unit: 'ms',
        samples: stored.map((r) => r.imported),
        note: 'applyReviewedImport from the decoded file',
      },
      { name: 'store: signed import ÷ raw write', unit: '×', samples: stored.map((r) => r.imported / r.raw), goal: 1.5 },
      { name: 'store: the same import unsigned, no county pinned ÷ raw write', unit: '×', samples: stored.map((r) => r.plain / r.raw), note: `${(median(stored.map((r) => r.plain)) / 1000).toFixed(1)} s` },
      { name: 'store: the preview before it (decode + check + decide + plan)', unit: 'ms', samples: stored.map((r) => r.preview) },
      {
        name: 'store: local write of one cell on an enrolled PC holding that county (gate + write + seal)',
        unit: 'ms',
        samples: stored.flatMap((r) => r.local),
        goal: 16,
        note: 'one transaction; the seal signed after it, stored by the next write',
      },
    ];
    return results;
  },
};
