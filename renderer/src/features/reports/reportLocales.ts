import type { ReportLocales } from '../../../../shared/stats/report/messages';
import ug from '../../../../locales/ug/report.json';
import zh from '../../../../locales/zh-CN/report.json';

/** The report engine takes both languages' labels (headers are bilingual in spreadsheets). */
export const REPORT_LOCALES: ReportLocales = { 'zh-CN': zh, ug } as ReportLocales;
