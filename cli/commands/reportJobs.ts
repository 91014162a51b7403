import type { Lang } from '../../shared/i18n/lang';

/** Scaffolding: `league-desk report --demo --kind ...` for this feature is built with the feature. */
export async function renderJobsReport(_format: 'json' | 'csv' | 'xlsx', _lang: Lang): Promise<string> {
  return Promise.reject(new Error('not built yet'));
}
