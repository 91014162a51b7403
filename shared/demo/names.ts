import type { BilingualText } from '../i18n/lang';

/**
 * Every name the demo county uses, in one place so a reviewer can check them without reading the
 * generator. Chinese names of the towns and townships are from the source documents (DOMAIN.md).
 *
 * Uyghur is given only where it is known: the county (Luntai = بۈگۈر), composed from the glossary
 * terms (locales/glossary.json) كوممۇنىستىك ياشلار ئىتتىپاقى (共青团) and ناھىيەلىك ئىتتىپاق كومىتېتى (团县委). Uyghur place names of the
 * towns and townships are not invented here; users fill them in, and until then the UI shows the
 * Chinese name marked "not translated".
 */
export const COUNTY_CODE = 'LT';

export const COUNTY_NAME: BilingualText = {
  zh: '共青团轮台县委员会',
  ug: 'كوممۇنىستىك ياشلار ئىتتىپاقى بۈگۈر ناھىيەلىك كومىتېتى',
};

/** The 4 towns (镇) first, then the 7 townships (乡), in the order the source lists them. */
export const TOWNS = ['轮台镇', '轮南镇', '群巴克镇', '阳霞镇'] as const;
export const TOWNSHIPS = ['哈尔巴克乡', '野云沟乡', '阿克萨来乡', '塔尔拉克乡', '草湖乡', '铁热克巴扎乡', '策大雅乡'] as const;

/**
 * The source gives only the counts of school committees, working committees and general branches,
 * not their names; these are the usual kinds of unit a county has, named generically.
 */
export const SCHOOLS = ['轮台县第一中学', '轮台县中等职业技术学校'] as const;
export const WORKING_COMMITTEES = {
  /** Leads league organisations in non-public enterprises and social organisations (两新组织). */
  nonPublic: '轮台县非公有制经济组织和社会组织团工委',
  /** Leads the branches of county government departments. */
  departments: '轮台县直机关团工委',
} as const;
export const GENERAL_BRANCHES = ['轮台县人民医院', '轮台县公安局'] as const;

export const committeeName = (place: string): string => `${place}团委`;
export const generalBranchName = (unit: string): string => `${unit}团总支`;
export const branchName = (unit: string, n: number): string => `${unit}第${n}团支部`;
export const twoNewName = (area: string, n: number): string => `${area}两新组织第${n}团支部`;
export const communityName = (town: string, n: number): string => `${town}第${n}社区团支部`;
