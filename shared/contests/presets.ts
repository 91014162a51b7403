import type { AwardTier, ContestKind, Criterion } from './rows';

/*
 * Rubrics county committees use for micro-essay, micro-photo and micro-speech contests: weights
 * are shares of 100, each criterion scored from 0 to its maximum. A starting point the committee
 * edits, not a rule.
 */
export const RUBRIC_PRESETS: Record<ContestKind, Criterion[]> = {
  essay: [
    { id: 'theme', name: { zh: '切题立意', ug: 'تېمىغا ماسلىقى' }, weight: 30, max: 10 },
    { id: 'content', name: { zh: '内容充实', ug: 'مەزمۇنى' }, weight: 30, max: 10 },
    { id: 'language', name: { zh: '语言表达', ug: 'تىل ئىپادىسى' }, weight: 25, max: 10 },
    { id: 'creativity', name: { zh: '创新性', ug: 'يېڭىلىقى' }, weight: 15, max: 10 },
  ],
  photo: [
    { id: 'theme', name: { zh: '主题表达', ug: 'تېمىنى ئىپادىلىشى' }, weight: 35, max: 10 },
    { id: 'composition', name: { zh: '构图', ug: 'كومپوزىتسىيە' }, weight: 25, max: 10 },
    { id: 'technique', name: { zh: '摄影技术', ug: 'سۈرەتكە تارتىش تېخنىكىسى' }, weight: 20, max: 10 },
    { id: 'impact', name: { zh: '感染力', ug: 'تەسىر كۈچى' }, weight: 20, max: 10 },
  ],
  speech: [
    { id: 'content', name: { zh: '演讲内容', ug: 'نۇتۇق مەزمۇنى' }, weight: 40, max: 10 },
    { id: 'delivery', name: { zh: '语言表达', ug: 'تىل ئىپادىسى' }, weight: 30, max: 10 },
    { id: 'presence', name: { zh: '仪态风度', ug: 'قىياپىتى' }, weight: 20, max: 10 },
    { id: 'time', name: { zh: '时间把握', ug: 'ۋاقىت كونتروللۇقى' }, weight: 10, max: 10 },
  ],
};

/** 1 first, 3 second, 5 third, 10 excellence: the usual county split. */
export const DEFAULT_TIERS: AwardTier[] = [
  { id: 'first', name: { zh: '一等奖', ug: 'بىرىنچى دەرىجىلىك مۇكاپات' }, count: 1 },
  { id: 'second', name: { zh: '二等奖', ug: 'ئىككىنچى دەرىجىلىك مۇكاپات' }, count: 3 },
  { id: 'third', name: { zh: '三等奖', ug: 'ئۈچىنچى دەرىجىلىك مۇكاپات' }, count: 5 },
  { id: 'excellence', name: { zh: '优秀奖', ug: 'ئەلا مۇكاپات' }, count: 10 },
];

export const DEFAULT_AGE_RANGE = { min: 14, max: 35 } as const;

/** Letter in front of an entry's number, by kind: Essay, Photo, Speech (V for "voice"). */
export const CODE_LETTER: Record<ContestKind, string> = { essay: 'E', photo: 'P', speech: 'V' };

/** The code after the highest of the given codes, e.g. `E-008` after `E-007` (gaps are left as they are). */
export function nextEntryCode(kind: ContestKind, existingCodes: readonly string[]): string {
  let highest = 0;
  for (const code of existingCodes) {
    const n = Number(/-(\d+)$/.exec(code)?.[1] ?? 0);
    if (n > highest) highest = n;
  }
  return `${CODE_LETTER[kind]}-${String(highest + 1).padStart(3, '0')}`;
}
