import type { ContestReportLocales } from '../../../../shared/contests/report';
import ug from '../../../../locales/ug/contests.json';
import zh from '../../../../locales/zh-CN/contests.json';

/** The results report and certificates take both languages' texts (spreadsheet headers are bilingual). */
export const CONTEST_LOCALES: ContestReportLocales = { 'zh-CN': zh, ug };
