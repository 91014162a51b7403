import type { DemoCounty } from '../demo/luntai';
import type { Org } from '../domain/org';
import { createPrng, type Prng } from '../demo/prng';
import type { BilingualText } from '../i18n/lang';
import type { WriteSpec } from '../sync/write';
import { addDays } from '../domain/dates';
import type { EducationLevel, Notice, Placement, Sex } from './rows';
import { NOTICE_TABLE, PLACEMENT_TABLE } from './tables';

/*
 * The demo county's year of job notices (轮青诚聘) in 2025: about two a week over the year,
 * 110 notices with 76 placements (DOMAIN.md: "100+ company job notices through which 70+ young
 * people found jobs"). Seeded, so every PC loading the demo holds identical rows.
 *
 * Statuses agree with the placements (notice.ts openingsLeft): a filled notice has a placement for
 * every opening; a closed one was closed before all its openings were taken (one placement or
 * none); published ones are still open, and drafts have reached no one.
 *
 * Employers are generic local businesses named for the county (Luntai = بۈگۈر); no Uyghur place
 * names of towns are invented. People's names are made up; their phone numbers use the 199 0000
 * block, which is not issued to subscribers.
 */

const JOBS_SEED = 0x4a4f4253;
export const DEMO_JOBS_YEAR = 2025;
export const DEMO_NOTICE_COUNT = 110;
export const DEMO_PLACEMENT_COUNT = 76;
/** Notices for up to this many people filled; larger ones closed before every opening was taken. */
const FILLED_OPENINGS_AT_MOST = 4;

const EMPLOYERS: readonly BilingualText[] = [
  { zh: '轮台县红枣加工有限公司', ug: 'بۈگۈر ناھىيەلىك قىزىل چىلان پىششىقلاپ ئىشلەش شىركىتى' },
  { zh: '轮台县天然气服务公司', ug: 'بۈگۈر ناھىيەلىك تەبىئىي گاز مۇلازىمەت شىركىتى' },
  { zh: '轮台县人民医院', ug: 'بۈگۈر ناھىيەلىك خەلق دوختۇرخانىسى' },
  { zh: '轮台县建筑工程有限公司', ug: 'بۈگۈر ناھىيەلىك قۇرۇلۇش شىركىتى' },
  { zh: '轮台县物流中心', ug: 'بۈگۈر ناھىيەلىك ئەشيا ئوبوروت مەركىزى' },
  { zh: '轮台县纺织服装有限公司', ug: 'بۈگۈر ناھىيەلىك توقۇمىچىلىق ۋە كىيىم-كېچەك شىركىتى' },
  { zh: '轮台县农机专业合作社', ug: 'بۈگۈر ناھىيەلىك يېزا ئىگىلىك ماشىنىلىرى كوپېراتىپى' },
  { zh: '轮台县幸福超市', ug: 'بۈگۈر ناھىيەلىك بەخت تاللا بازىرى' },
  { zh: '轮台县电子商务服务中心', ug: 'بۈگۈر ناھىيەلىك ئېلېكترونلۇق سودا مۇلازىمەت مەركىزى' },
  { zh: '轮台县汽车维修厂', ug: 'بۈگۈر ناھىيەلىك ماشىنا رېمونت زاۋۇتى' },
  { zh: '轮台县宾馆', ug: 'بۈگۈر ناھىيەلىك مېھمانخانىسى' },
  { zh: '轮台县第一幼儿园' },
];

interface Position {
  title: BilingualText;
  education: EducationLevel;
  pay: [number, number];
  age: [number, number];
}

const POSITIONS: readonly Position[] = [
  { title: { zh: '营业员', ug: 'ساتقۇچى' }, education: 'juniorHigh', pay: [2500, 3500], age: [18, 35] },
  { title: { zh: '司机', ug: 'شوپۇر' }, education: 'juniorHigh', pay: [4000, 5500], age: [22, 40] },
  { title: { zh: '厨师', ug: 'ئاشپەز' }, education: 'any', pay: [3500, 5000], age: [20, 45] },
  { title: { zh: '电焊工', ug: 'ئېلېكتر كەپشەرچى' }, education: 'vocational', pay: [5000, 7000], age: [20, 40] },
  { title: { zh: '会计', ug: 'بوغالتىر' }, education: 'college', pay: [3500, 5000], age: [22, 35] },
  { title: { zh: '保安', ug: 'قاراۋۇل' }, education: 'juniorHigh', pay: [2800, 3500], age: [20, 45] },
  { title: { zh: '服务员', ug: 'مۇلازىمەتچى' }, education: 'any', pay: [2500, 3200], age: [18, 30] },
  { title: { zh: '仓库管理员', ug: 'ئامبار باشقۇرغۇچى' }, education: 'seniorHigh', pay: [3000, 4000], age: [20, 40] },
  { title: { zh: '收银员', ug: 'كاسسىر' }, education: 'seniorHigh', pay: [2600, 3200], age: [18, 30] },
  { title: { zh: '技术员', ug: 'تېخنىك' }, education: 'vocational', pay: [4000, 6000], age: [20, 35] },
  { title: { zh: '网店客服', ug: 'تور دۇكىنى خېرىدار مۇلازىمەتچىسى' }, education: 'seniorHigh', pay: [3000, 4500], age: [18, 30] },
  { title: { zh: '缝纫工', ug: 'تىككۈچى' }, education: 'any', pay: [3000, 4200], age: [18, 40] },
];

/** Each contact's name as written in Chinese and in Uyghur (one person, two scripts). */
const CONTACTS = [
  { zh: '王丽', ug: 'ۋاڭ لى' },
  { zh: '阿依古丽', ug: 'ئايگۈل' },
  { zh: '李强', ug: 'لى چياڭ' },
  { zh: '买买提', ug: 'مەمەت' },
  { zh: '张敏', ug: 'جاڭ مىن' },
  { zh: '热依拉', ug: 'رەيلا' },
  { zh: '刘洋', ug: 'ليۇ ياڭ' },
  { zh: '艾尔肯', ug: 'ئەركىن' },
];
const GIVEN_NAMES = ['ئابلىز', 'مەرىيەم', 'ئەركىن', 'گۈلنۇر', 'دىلنۇر', 'ئالىم', 'پاتىگۈل', 'ئىلھام', '王磊', '李娜', '陈静', '杨帆', '赵伟', '马丽'];
const FAMILY_INITIALS = ['ئا.', 'م.', 'ت.', 'ق.', 'ي.'];

const pick = <T>(prng: Prng, items: readonly T[]): T => items[prng.intBetween(0, items.length - 1)]!;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export interface DemoJobs {
  notices: Notice[];
  placements: Placement[];
}

/** The rows, before they become writes (tests and the bench read them directly). */
export function generateDemoJobs(demo: DemoCounty): DemoJobs {
  const prng = createPrng(JOBS_SEED);
  const townships = demo.orgs.filter((o) => o.kind === 'township').sort((a, b) => (a.code < b.code ? -1 : 1));
  const notices: Notice[] = [];
  for (let i = 0; i < DEMO_NOTICE_COUNT; i++) {
    // Spread over the year: notice i falls in week i·52/110, a day or two either way.
    const dayOfYear = Math.min(360, Math.floor((i * 360) / DEMO_NOTICE_COUNT) + prng.intBetween(0, 3));
    const publishedOn = addDays(`${DEMO_JOBS_YEAR}-01-03`, dayOfYear);
    const position = pick(prng, POSITIONS);
    const township = prng.intBetween(0, 5) === 0 ? null : pick(prng, townships);
    const landline = prng.intBetween(0, 2) === 0;
    const status = i >= DEMO_NOTICE_COUNT - 3 ? 'draft' : i >= DEMO_NOTICE_COUNT - 12 ? 'published' : prng.intBetween(0, 2) === 0 ? 'filled' : 'closed';
    notices.push({
      id: `demo-notice-${pad(i + 1, 3)}`,
      employer: pick(prng, EMPLOYERS),
      title: position.title,
      description: {},
      townshipId: township?.id ?? null,
      openings: prng.intBetween(1, 5),
      ageMin: position.age[0],
      ageMax: position.age[1],
      education: position.education,
      languages: prng.intBetween(0, 1) === 0 ? ['zh', 'ug'] : ['zh'],
      payMin: position.pay[0],
      payMax: position.pay[1],
      ...contactOf(pick(prng, CONTACTS)),
      contactPhone: landline ? `0996-46${pad(prng.intBetween(0, 99_999), 5)}` : `1990000${pad(prng.intBetween(0, 9999), 4)}`,
      publishedOn: status === 'draft' ? null : publishedOn,
      closesOn: addDays(publishedOn, 30),
      channel: prng.intBetween(0, 4) === 0 ? 'poster' : 'wechat',
      // The county's account reached issue 174 in its first months; the column ran in most issues.
      issue: status === 'draft' ? null : 60 + Math.floor((dayOfYear * 114) / 365),
      status,
      createdOn: addDays(publishedOn, -prng.intBetween(1, 5)),
    });
  }
  // A notice drawn "filled" gets a placement for each opening if it was for a few people; a larger
  // one was closed before it filled (openings as drawn, so the year's figures keep them).
  const slots: Notice[] = [];
  for (const notice of notices) {
    if (notice.status !== 'filled') continue;
    if (notice.openings > FILLED_OPENINGS_AT_MOST) notice.status = 'closed';
    else for (let k = 0; k < notice.openings; k++) slots.push(notice);
  }
  // The rest came through closed notices spread over the year, one each and never filling one.
  const unfilled = notices.filter((n) => n.status === 'closed' && n.openings > 1);
  const rest = DEMO_PLACEMENT_COUNT - slots.length;
  if (rest < 0 || unfilled.length < rest) throw new Error('the demo notices do not fit its placements');
  for (let j = 0; j < rest; j++) slots.push(unfilled[Math.floor((j * unfilled.length) / rest)]!);

  const drawn = slots.map((notice): Omit<Placement, 'id'> => {
    const name = pick(prng, GIVEN_NAMES);
    const sex: Sex = prng.intBetween(0, 1) === 0 ? 'female' : 'male';
    const uyghur = /[\u0600-\u06ff]/u.test(name);
    return {
      noticeId: notice.id,
      name: uyghur ? `${name} ${pick(prng, FAMILY_INITIALS)}` : name,
      sex,
      age: prng.intBetween(18, 32),
      townshipId: notice.townshipId ?? (pick(prng, townships)?.id ?? null),
      hiredOn: addDays(notice.publishedOn!, prng.intBetween(7, 28)),
      ...(uyghur ? { ethnicity: '05' } : {}),
      ...(prng.intBetween(0, 1) === 0 ? { phone: `1990001${pad(prng.intBetween(0, 9999), 4)}` } : {}),
    };
  });
  // Numbered in the order people were hired, as an office would have entered them (sort is stable).
  const placements = drawn
    .sort((a, b) => (a.hiredOn < b.hiredOn ? -1 : a.hiredOn > b.hiredOn ? 1 : 0))
    .map((p, i): Placement => ({ id: `demo-placement-${pad(i + 1, 3)}`, ...p }));
  return { notices, placements };
}

function contactOf(contact: { zh: string; ug: string } | undefined) {
  return { contactName: contact?.zh ?? '', contactNameUg: contact?.ug ?? '' };
}

/** The demo county's year of job notices and placements, as writes, each scoped to the county. */
export function jobsDemoWriteSpecs(demo: DemoCounty, county: Org): WriteSpec[] {
  const { notices, placements } = generateDemoJobs(demo);
  return [
    // The Uyghur sides in a change of their own, as the app writes them (writes.ts saveNoticeWrites).
    ...notices.flatMap(({ id, contactNameUg, ...fields }) => [
      { table: NOTICE_TABLE.name, row: id, fields, scope: county.code },
      { table: NOTICE_TABLE.name, row: id, fields: { contactNameUg }, scope: county.code },
    ]),
    ...placements.map(({ id, ...fields }) => ({ table: PLACEMENT_TABLE.name, row: id, fields, scope: county.code })),
  ];
}
