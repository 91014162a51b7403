import type { Org } from '../../shared/domain/org';
import type { ReportingRound, StatReport, Target } from '../../shared/domain/stats';
import { pickText, type Lang } from '../../shared/i18n/lang';
import type { CountySummary, CountySummaryInput, SummaryFigures } from '../../shared/report/countySummary';
import { tableDirection, type ReportColumn, type ReportTable } from '../../shared/report/table';
import type { SyncStateReader } from '../../shared/sync/access';
import { liveRows } from '../../shared/sync/validate';
import type { MessageKey, Translate } from '../i18n';

/**
 * The data `report` summarises, read from a merged store: complete, undeleted rows, as the app
 * shows them, and the county's control ratios.
 */
export async function storeContents(store: SyncStateReader): Promise<Pick<CountySummaryInput, 'orgs' | 'rounds' | 'reports'> & { targets: Target[] }> {
  return {
    orgs: liveRows<Org>('org', await store.allRows('org')),
    rounds: liveRows<ReportingRound>('round', await store.allRows('round')),
    reports: liveRows<StatReport>('statReport', await store.allRows('statReport')),
    targets: liveRows<Target>('target', await store.allRows('target')),
  };
}

/*
 * `report FILE…` printed this shape before the report engine existed, and scripts read it; it is
 * kept exactly (keys, order, columns) and computed by the engine. `report --demo` prints the
 * engine's full CountySummary (new members, targets, counted statuses besides these).
 */
type LegacyFigures = Pick<SummaryFigures, 'reports' | 'members' | 'youth1435' | 'youth1428' | 'leagueYouthRatio'>;

export interface LegacyCountySummary {
  county: CountySummary['county'];
  round: CountySummary['round'];
  committees: Array<Pick<Org, 'code' | 'name' | 'kind'> & LegacyFigures>;
  totals: LegacyFigures;
}

const legacyFigures = (f: SummaryFigures): LegacyFigures => ({
  reports: f.reports,
  members: f.members,
  youth1435: f.youth1435,
  youth1428: f.youth1428,
  leagueYouthRatio: f.leagueYouthRatio,
});

export function legacySummary(summary: CountySummary): LegacyCountySummary {
  return {
    county: summary.county,
    round: summary.round,
    committees: summary.committees.map((c) => ({ code: c.code, name: c.name, kind: c.kind, ...legacyFigures(c) })),
    totals: legacyFigures(summary.totals),
  };
}

/** The legacy CSV's table: its columns and headers (from cli.json), written by the engine's CSV writer. */
export function legacySummaryTable(summary: CountySummary, lang: Lang, translators: Readonly<Record<Lang, Translate>>): ReportTable {
  const header = (key: MessageKey) => ({ zh: translators['zh-CN'](key), ug: translators.ug(key) });
  const columns: ReportColumn[] = [
    { key: 'code', kind: 'code', header: header('report.columns.code') },
    { key: 'name', kind: 'text', header: header('report.columns.name') },
    { key: 'reports', kind: 'integer', header: header('report.columns.reports') },
    { key: 'members', kind: 'integer', header: header('figures.members') },
    { key: 'youth1435', kind: 'integer', header: header('figures.youth1435') },
    { key: 'youth1428', kind: 'integer', header: header('figures.youth1428') },
    { key: 'ratio', kind: 'percent', header: header('report.columns.ratio') },
  ];
  const figures = (f: SummaryFigures) => ({ reports: f.reports, members: f.members, youth1435: f.youth1435, youth1428: f.youth1428, ratio: f.leagueYouthRatio });
  const t = translators[lang];
  return {
    title: '',
    lang,
    direction: tableDirection(lang),
    columns,
    // Names as before: the chosen language or, unmarked, the other one.
    rows: summary.committees.map((c) => ({ code: c.code, name: pickText(c.name, lang).text, ...figures(c) })),
    totalRow: { code: summary.county.code, name: t('report.columns.total'), ...figures(summary.totals) },
    sheetName: 'report',
    untranslatedMark: '',
    pageFooter: '',
  };
}
