import { bundlePageScript, openBenchPage, type Benchmark } from './harness';

/*
 * The notice list with 5,000 notices (a county's decades of 轮青诚聘, or a prefecture's year) in
 * real Chromium: building the rows and the search index, one keystroke (search + filter + sort,
 * Chinese pinyin initials and Uyghur), and re-sorting by employer in Uyghur collation. The page
 * only renders a page of 25–100 rows, so these are what a keystroke costs.
 */
const ENTRY = `
import { generateDemoCounty } from './shared/demo/luntai';
import { generateDemoJobs } from './shared/jobs/demo';
import { filterAndSort, noticeListRows, NO_FILTER } from './shared/jobs/list';
import { buildNoticeSearchIndex } from './shared/jobs/search';
import { addDays } from './shared/domain/dates';

const demo = generateDemoCounty();
const base = generateDemoJobs(demo);
const names = new Map(demo.orgs.map((o) => [o.id, o.name]));
const townshipName = (id) => names.get(id);
const notices = [];
for (let copy = 0; notices.length < 5000; copy++) {
  for (const n of base.notices) {
    if (notices.length >= 5000) break;
    const shift = -365 * copy;
    notices.push({ ...n, id: n.id + '-' + copy, publishedOn: n.publishedOn && addDays(n.publishedOn, shift), closesOn: addDays(n.closesOn, shift), createdOn: addDays(n.createdOn, shift) });
  }
}
globalThis.jobsBench = (step) => {
  const t0 = performance.now();
  const index = buildNoticeSearchIndex(notices, townshipName);
  const rowsZh = noticeListRows(notices, base.placements, townshipName, 'zh-CN', '2026-11-30');
  const rowsUg = noticeListRows(notices, base.placements, townshipName, 'ug', '2026-11-30');
  const t1 = performance.now();
  const zh = filterAndSort(rowsZh, index.matching('dhg'), { ...NO_FILTER, status: 'filled' }, { key: 'publishedOn', descending: true }, 'zh-CN');
  const t2 = performance.now();
  const ug = filterAndSort(rowsUg, index.matching('كەپشەرچى'), NO_FILTER, { key: 'closesOn', descending: false }, 'ug');
  const t3 = performance.now();
  const sorted = filterAndSort(rowsUg, null, NO_FILTER, { key: 'employer', descending: false }, 'ug');
  const t4 = performance.now();
  return { index: t1 - t0, searchZh: t2 - t1, searchUg: t3 - t2, sortUg: t4 - t3, counts: [notices.length, zh.length, ug.length, sorted.length] };
};
`;

type Run = () => { index: number; searchZh: number; searchUg: number; sortUg: number; counts: number[] };

export const jobs: Benchmark = {
  name: 'jobs',
  async run(ctx) {
    const page = await openBenchPage(ctx, await bundlePageScript({ contents: ENTRY }));
    const samples = { index: [] as number[], searchZh: [] as number[], searchUg: [] as number[], sortUg: [] as number[] };
    let counts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await page.evaluate(() => (globalThis as unknown as { jobsBench: Run }).jobsBench());
      for (const key of Object.keys(samples) as (keyof typeof samples)[]) samples[key].push(r[key]);
      counts = r.counts;
    }
    await page.context().close();
    const note = `${counts[0]} notices; matches ${counts[1]} / ${counts[2]}`;
    return [
      { name: 'jobs: 5,000 notices → rows + search index (both languages)', unit: 'ms', samples: samples.index, goal: 1000, note },
      { name: 'jobs: keystroke, pinyin initials + status filter + sort', unit: 'ms', samples: samples.searchZh, goal: 50 },
      { name: 'jobs: keystroke, Uyghur word + sort by closing date', unit: 'ms', samples: samples.searchUg, goal: 50 },
      { name: 'jobs: sort 5,000 by employer, Uyghur collation', unit: 'ms', samples: samples.sortUg, goal: 100 },
    ];
  },
};
