import type { JobsLocales } from '../../../../shared/jobs/messages';
import ug from '../../../../locales/ug/jobs.json';
import zh from '../../../../locales/zh-CN/jobs.json';

/** Both languages' jobs messages: report headers are bilingual, and a bulletin may be in either. */
export const JOBS_LOCALES: JobsLocales = { 'zh-CN': zh, ug };
