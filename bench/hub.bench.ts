import { bundlePageScript, median, type Benchmark, type BenchResult } from './harness';
import { makeChanges } from './hubSupport/changes';
import { DEVICE_LOGIN, fillHub, startBenchHub } from './hubSupport/hub';
import type { HubBenchInput, HubPullTime } from './page/hubBench';

/** 100,000 by default; BENCH_HUB_CHANGES lowers it for a quick try. */
const CHANGES = Number(process.env.BENCH_HUB_CHANGES ?? 100_000);
/** Each round pulls everything twice into fresh IndexedDB databases (minutes on a small VM), so two: one with each client first. */
const ROUNDS = Number(process.env.BENCH_HUB_ROUNDS ?? 2);
/** PouchDB's default batch_size is 100; 500 is the usual tuning for a big first replication. */
const POUCH_BATCH = Number(process.env.BENCH_HUB_POUCH_BATCH ?? 500);
const GOAL = 3;

/**
 * Network sync at county scale (issue #7): a fresh client pulls 100,000 changes from a real
 * pouchdb-server hub — the app's pull code into its Dexie database, beside PouchDB's own replication
 * of the same documents into a browser PouchDB (IndexedDB), in the same Chromium run.
 */
export const hub: Benchmark = {
  name: 'hub',
  async run(ctx) {
    if (!Number.isInteger(CHANGES) || CHANGES < 1) throw new Error('BENCH_HUB_CHANGES must be a positive whole number');
    const origin = new URL(ctx.baseUrl).origin;
    const server = await startBenchHub(origin);
    try {
      let t = performance.now();
      const changes = makeChanges(CHANGES);
      await fillHub(server, changes);
      console.log(`  hub filled with ${CHANGES} changes in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      // pouchdb-browser imports Node's `events`; the browser gets a small stand-in.
      const script = await bundlePageScript('bench/page/hubBench.ts', { events: './bench/hubSupport/events.ts' });
      // Each measured pull gets a fresh browser context (its own, empty on-disk IndexedDB for the app's
      // origin), so neither client writes into storage the other one just filled and deleted.
      const freshPage = async () => {
        const context = await ctx.newContext({ bypassCSP: true });
        const page = await context.newPage();
        page.setDefaultTimeout(0);
        page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
        if (process.env.BENCH_HUB_DEBUG) page.on('console', (m) => console.log(`  page: ${m.text()}`));
        await page.goto(ctx.baseUrl);
        await page.addScriptTag({ content: script });
        return { page, context };
      };
      const input = (round: number): HubBenchInput => ({ dbUrl: server.dbUrl, user: DEVICE_LOGIN.name, password: DEVICE_LOGIN.password, expected: CHANGES, round, pouchBatchSize: POUCH_BATCH });
      const pullOnce = async (round: number, which: 'ours' | 'pouch'): Promise<HubPullTime> => {
        const { page, context } = await freshPage();
        try {
          return await page.evaluate(
            ([i, w]) => (globalThis as unknown as { hubBench(i: HubBenchInput, w: 'ours' | 'pouch'): Promise<HubPullTime> }).hubBench(i, w),
            [input(round), which] as const,
          );
        } finally {
          await context.close();
        }
      };
      if (process.env.BENCH_HUB_PROFILE) {
        type Profile = { page: number; total: number; store: Record<string, number> }[];
        const { page, context } = await freshPage();
        const pages = await page.evaluate((i) => (globalThis as unknown as { hubProfile(i: HubBenchInput): Promise<Profile> }).hubProfile(i), input(0));
        await context.close();
        for (const p of pages) {
          const store = Object.entries(p.store).filter(([, ms]) => ms >= 1).map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(', ');
          console.log(`  profile page ${p.page + 1}: ${p.total.toFixed(0)} ms (${store})`);
        }
      }
      const ours: number[] = [];
      const pouch: number[] = [];
      const ratio: number[] = [];
      let waiting = 0;
      let adapter = '';
      let pages = 0;
      for (let round = 0; round < ROUNDS; round++) {
        t = performance.now();
        // Alternate which client goes first, so neither always runs on a warmer hub.
        const order: ('ours' | 'pouch')[] = round % 2 === 0 ? ['ours', 'pouch'] : ['pouch', 'ours'];
        const times: Partial<Record<'ours' | 'pouch', HubPullTime>> = {};
        for (const which of order) times[which] = await pullOnce(round, which);
        const o = times.ours!;
        const p = times.pouch!;
        ours.push(o.ms);
        pouch.push(p.ms);
        ratio.push(p.ms / o.ms);
        waiting += o.transport ?? 0;
        adapter = p.adapter ?? '';
        pages = o.pages ?? 0;
        console.log(
          `  round ${round + 1}: ours ${(o.ms / 1000).toFixed(1)} s (of which waiting for the hub ${((o.transport ?? 0) / 1000).toFixed(1)} s, ${pages} pages), ` +
            `PouchDB ${(p.ms / 1000).toFixed(1)} s — ${((performance.now() - t) / 1000).toFixed(0)} s in all`,
        );
      }
      const count = CHANGES.toLocaleString('en');
      const results: BenchResult[] = [
        { name: `hub pull, fresh client, ${count} changes: ours`, unit: 'ms', samples: ours, note: `${pages} pages; ${(waiting / ROUNDS / 1000).toFixed(1)} s waiting for the hub` },
        { name: `hub pull, ${count} changes: PouchDB replicate.from`, unit: 'ms', samples: pouch, note: `${adapter} adapter, batch_size ${POUCH_BATCH}` },
        // The harness's goal column means "at most"; this goal is "at least", so it is stated in the note.
        { name: `hub pull speed-up over PouchDB (goal ≥ ${GOAL}×)`, unit: '×', samples: ratio, note: median(ratio) >= GOAL ? 'met' : 'MISSED' },
      ];
      return results;
    } finally {
      await server.stop();
    }
  },
};
