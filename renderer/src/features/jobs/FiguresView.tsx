import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SaveFileRequest } from '../../../../shared/bridge';
import { formatInteger, formatMonth } from '../../../../shared/i18n/format';
import { figureYears, jobFigures } from '../../../../shared/jobs/figures';
import { jobsReportTables } from '../../../../shared/jobs/report';
import { tableToCsv } from '../../../../shared/report/csv';
import { reportStylesheet, toHtmlTable } from '../../../../shared/report/html';
import type { ReportTable } from '../../../../shared/report/table';
import { useBridge, useLanguage, useNotify } from '../../app/context';
import { storeErrorKey } from '../../store/errors';
import { useChartDirection } from '../../components/chartDirection';
import { useSaveReport } from '../../components/useSaveAndReport';
import { JOBS_LOCALES } from './jobsLocales';
import type { JobsData } from './useJobsData';

/**
 * Notices, openings and placements per month (chart and table) and per township (table) for one
 * year, from the report engine's tables, so the screen, the spreadsheet, the CSV and the PDF agree.
 */
export function FiguresView({ data }: { data: JobsData }) {
  const { t } = useTranslation('jobs');
  const bridge = useBridge();
  const notify = useNotify();
  const { lang } = useLanguage();
  const report = useSaveReport();
  const dir = useChartDirection();
  const years = useMemo(() => figureYears(data.notices, data.placements), [data]);
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen ?? years[0] ?? new Date().getFullYear();
  const [busy, setBusy] = useState(false);
  const tables = useMemo(
    () => jobsReportTables({ orgs: data.orgs, notices: data.notices, placements: data.placements, year, lang, locales: JOBS_LOCALES }),
    [data, year, lang],
  );
  const figures = useMemo(() => jobFigures(data.notices, data.placements, year), [data, year]);
  if (years.length === 0) {
    return (
      <Paper variant="outlined" sx={{ p: 3 }} data-testid="figures-empty">
        <Typography>{t('figures.empty')}</Typography>
      </Paper>
    );
  }
  const base = `${data.county?.code ?? 'LT'}-jobs-${year}`;
  const chartRows = figures.months.map((f, i) => ({ month: formatMonth(year, i + 1, lang), ...f }));
  const int = (v: number) => formatInteger(v, lang, { bidi: 'plain' });

  async function save(make: () => Promise<SaveFileRequest | 'pdf'>) {
    setBusy(true);
    try {
      const request = await make();
      if (request === 'pdf') {
        const result = await bridge.printToPdf({ suggestedName: `${base}.pdf` });
        if (result.status !== 'cancelled') report(result);
      } else {
        report(await bridge.saveFile(request));
      }
    } catch (error) {
      notify({ severity: 'error', key: storeErrorKey(error) });
    } finally {
      setBusy(false);
    }
  }
  const csv = (table: ReportTable, suffix: string) => () =>
    save(async () => ({ suggestedName: `${base}-${suffix}.csv`, data: new TextEncoder().encode(tableToCsv(table)), filters: [{ nameKey: 'csv', extensions: ['csv'] }] }));
  const xlsx = () =>
    save(async () => {
      // exceljs is large: loaded only when someone saves a spreadsheet.
      const { toXlsx } = await import('../../../../shared/report/xlsx');
      return { suggestedName: `${base}.xlsx`, data: await toXlsx([tables.months, tables.townships, tables.placements]), filters: [{ nameKey: 'xlsx', extensions: ['xlsx'] }] };
    });

  return (
    <Stack spacing={2} data-testid="jobs-figures">
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }} className="no-print">
        <TextField select size="small" label={t('figures.year')} value={year} onChange={(e) => setChosen(Number(e.target.value))} sx={{ minWidth: 120 }} slotProps={{ htmlInput: { 'data-testid': 'figures-year' } }}>
          {years.map((y) => (
            <MenuItem key={y} value={y}>
              {y}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ flexGrow: 1 }} />
        <Button disabled={busy} onClick={() => void xlsx()} data-testid="figures-xlsx">
          {t('figures.xlsx')}
        </Button>
        <Button disabled={busy} onClick={() => void csv(tables.months, 'months')()} data-testid="figures-csv">
          {t('figures.csv')}
        </Button>
        <Button disabled={busy} variant="contained" onClick={() => void save(async () => 'pdf')} data-testid="figures-pdf">
          {t('figures.pdf')}
        </Button>
      </Stack>
      <Paper variant="outlined" sx={{ p: 2 }} data-testid="figures-chart">
        <Typography variant="h6" component="h2">
          {t('figures.chartTitle')}
        </Typography>
        <ResponsiveContainer width="100%" height={280}>
          <BarChart data={chartRows} margin={{ top: 10, right: 20, bottom: 30, left: 20 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" {...dir.xAxis} tick={{ ...dir.tick, angle: dir.rtl ? 30 : -30, textAnchor: 'end' }} interval={0} height={60} />
            <YAxis {...dir.yAxis} tick={dir.valueTick} allowDecimals={false} tickFormatter={int} />
            <Tooltip {...dir.tooltip} formatter={(value) => (typeof value === 'number' ? int(value) : String(value))} />
            <Legend {...dir.legend} verticalAlign="top" />
            <Bar dataKey="notices" name={t('report.notices')} fill="#b71c1c" isAnimationActive={false} />
            <Bar dataKey="openings" name={t('report.openings')} fill="#1565c0" isAnimationActive={false} />
            <Bar dataKey="placements" name={t('report.placements')} fill="#2e7d32" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Paper>
      {/* The engine's own HTML (every value escaped there), so the screen, the print and the PDF are one. */}
      <style>{reportStylesheet(tables.months)}</style>
      {[
        { table: tables.months, testId: 'figures-months', title: t('figures.byMonth') },
        { table: tables.townships, testId: 'figures-townships', title: t('figures.byTownship') },
      ].map(({ table, testId, title }) => (
        <Paper key={testId} variant="outlined" sx={{ p: 2 }}>
          <Stack direction="row" className="no-print" sx={{ alignItems: 'center' }}>
            <Typography variant="subtitle1" component="h3" sx={{ flexGrow: 1 }}>
              {title}
            </Typography>
            {testId === 'figures-townships' ? (
              <Button size="small" disabled={busy} onClick={() => void csv(table, 'townships')()} data-testid="figures-townships-csv">
                {t('figures.csv')}
              </Button>
            ) : null}
          </Stack>
          <Box data-testid={testId} sx={{ overflowX: 'auto' }} dangerouslySetInnerHTML={{ __html: toHtmlTable(table) }} />
        </Paper>
      ))}
    </Stack>
  );
}
