import type { DemoCounty } from '../demo/luntai';
import { createPrng } from '../demo/prng';
import type { Org } from '../domain/org';
import type { FeatureTable } from '../feature/module';
import type { WriteSpec } from '../sync/write';
import { DEFAULT_TIERS, RUBRIC_PRESETS } from './presets';
import { scoreRowId, type Contest, type Entry, type Score } from './rows';
import { CONTEST_TABLE, ENTRY_TABLE, SCORE_TABLE } from './tables';

/*
 * The demo county's judged contest: the "modern culture walks with youth" micro-essay contest the
 * county's WeChat account ran (DOMAIN.md), 30 entries from the towns and townships, 5 judges, every
 * entry scored. Seeded, so every PC that loads the demo holds the very same rows.
 */

export const DEMO_CONTEST_ID = 'demo-contest-essay-2025';
const SEED = 0x4c54c0de;

const ENTRANTS = [
  '阿依古丽·买买提', '王欣怡', '艾力·吐尔逊', '李泽宇', '古丽娜尔·艾合买提', '张雨桐', '买合木提·阿不都', '刘思远',
  '热依拉·吾斯曼', '陈嘉怡', '努尔艾力·卡德尔', '杨子涵', '迪丽努尔·艾山', '赵一鸣', '阿卜杜拉·热合曼', '孙雅琪',
  '米热古丽·玉素甫', '周浩然', '伊力夏提·努尔', '吴佳宁', '帕提古丽·司马义', '郑文博', '艾克拜尔·阿吉', '马晓燕',
  '祖丽胡玛尔·克里木', '何俊杰', '布合力其·依明', '高诗涵', '麦麦提江·托合提', '林子墨',
] as const;

const ZH_SENTENCES = [
  '清晨的塔里木河畔，青年志愿者们正在清理河道。',
  '我们在村里的文化广场上排练新编的歌舞。',
  '手机上的新闻让远方的故事变得近在眼前。',
  '图书室里，孩子们第一次读到了科普绘本。',
  '返乡创业的青年把红枣卖到了全国各地。',
  '现代文化不是远方的风景，而是我们身边的日常。',
  '青春的意义，在于与时代同行。',
];
const UG_SENTENCES = [
  'تارىم دەرياسى بويىدا ياش پىدائىيلار ئەتىگەندىلا ئىشقا كىرىشتى.',
  'يېزىمىزدىكى مەدەنىيەت مەيدانىدا يېڭى ناخشا ئۇسسۇل مەشىق قىلدۇق.',
  'كىتابخانىدا بالىلار تۇنجى قېتىم پەن-تېخنىكا كىتابلىرىنى ئوقۇدى.',
  'ياشلىق دەۋر بىلەن بىللە ماڭغاندا ئەھمىيەتلىك بولىدۇ.',
];

/**
 * A judge's name is one string (contests/rows.ts judgeSchema), written as the judge writes it: the
 * county's panel mixes Han and Uyghur judges, so the demo does too (and the ranking table must
 * keep both scripts in order).
 */
const JUDGES = [
  { id: 'j1', name: 'ئابدۇرەھىم ئابلىمىت' },
  { id: 'j2', name: '李建华' },
  { id: 'j3', name: 'گۈلنار ئىمىن' },
  { id: 'j4', name: '王晓燕' },
  { id: 'j5', name: 'مەمەتجان تۇرسۇن' },
];

export function demoContest(): Contest {
  return {
    id: DEMO_CONTEST_ID,
    kind: 'essay',
    title: { zh: '“现代文化伴青春”微征文比赛', ug: '«زامانىۋى مەدەنىيەت ياشلار بىلەن بىللە» ماقالە مۇسابىقىسى' },
    theme: { zh: '现代文化伴青春', ug: 'زامانىۋى مەدەنىيەت ياشلار بىلەن بىللە' },
    opens: '2025-05-01',
    closes: '2025-06-30',
    ageMin: 14,
    ageMax: 35,
    orgIds: [],
    maxChars: 1500,
    maxWords: 800,
    maxPhotos: null,
    criteria: RUBRIC_PRESETS.essay,
    tiers: DEFAULT_TIERS,
    judges: JUDGES,
    dropExtremes: true,
    createdAt: '2025-04-20T02:00:00.000Z',
  };
}

/** The demo contest, its entries and their scores (no photos: the demo carries no blobs). */
export function demoContestRows(demo: DemoCounty): { contest: Contest; entries: Entry[]; scores: Score[] } {
  const prng = createPrng(SEED);
  const contest = demoContest();
  const places = demo.orgs.filter((o) => o.kind === 'township').sort((a, b) => (a.code < b.code ? -1 : 1));
  const entries: Entry[] = ENTRANTS.map((name, i) => {
    const uyghur = name.includes('·') && prng.intBetween(0, 2) > 0;
    const pool = uyghur ? UG_SENTENCES : ZH_SENTENCES;
    const count = prng.intBetween(3, 6);
    const text = Array.from({ length: count }, () => pool[prng.intBetween(0, pool.length - 1)]!).join(uyghur ? ' ' : '');
    const day = prng.intBetween(1, 60);
    return {
      id: `${DEMO_CONTEST_ID}-e${String(i + 1).padStart(2, '0')}`,
      contestId: DEMO_CONTEST_ID,
      code: `E-${String(i + 1).padStart(3, '0')}`,
      entrantName: name,
      sex: prng.intBetween(0, 1) === 0 ? 'f' : 'm',
      age: prng.intBetween(15, 34),
      orgId: places.length ? places[prng.intBetween(0, places.length - 1)]!.id : null,
      title: uyghur ? 'ياشلىق ۋە مەدەنىيەت' : ['青春与时代', '家乡的新变化', '我身边的文化', '河畔的早晨'][i % 4]!,
      submittedOn: addDays('2025-05-01', day - 1),
      text,
    };
  });
  const scores: Score[] = [];
  for (const entry of entries) {
    const quality = prng.intBetween(5, 9);
    for (const judge of JUDGES) {
      const points: Record<string, number> = {};
      for (const c of contest.criteria) points[c.id] = Math.min(c.max, Math.max(0, quality + prng.intBetween(-2, 1)));
      scores.push({ id: scoreRowId(entry.id, judge.id), contestId: contest.id, entryId: entry.id, judgeId: judge.id, points });
    }
  }
  return { contest, entries, scores };
}

/** The demo county's judged contest, as writes, each scoped to the county. */
export function contestsDemoWriteSpecs(demo: DemoCounty, county: Org): WriteSpec[] {
  const { contest, entries, scores } = demoContestRows(demo);
  const spec = (table: FeatureTable, { id, ...fields }: { id: string }): WriteSpec => ({ table: table.name, row: id, fields, scope: county.code });
  return [spec(CONTEST_TABLE, contest), ...entries.map((e) => spec(ENTRY_TABLE, e)), ...scores.map((s) => spec(SCORE_TABLE, s))];
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
