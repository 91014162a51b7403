import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportStylesheet, tableToCsv, toHtmlTable } from '../../../../shared/report';
import type { CountySummary } from '../../../../shared/stats/report/countySummary';
import { countySummaryTable } from '../../../../shared/stats/report/countySummaryTable';
import { useBridge, useLanguage, useNotify } from '../../app/context';
import { storeErrorKey } from '../../store/errors';
import { useSaveReport } from '../../components/useSaveAndReport';
import { REPORT_LOCALES } from './reportLocales';

/**
 * The county summary for a round: one row per committee under the county, with totals, as the
 * county hands it upward. Shown on screen as it will print; saved as Excel, CSV or PDF.
 */
export function SummarySection({ summary }: { summary: CountySummary }) {
  const { t } = useTranslation('reports');
  const bridge = useBridge();
  const notify = useNotify();
  const { lang } = useLanguage();
  const report = useSaveReport();
  const [busy, setBusy] = useState(false);
  const table = countySummaryTable(summary, lang, REPORT_LOCALES);
  const base = `${summary.county.code}-${summary.round.period}-summary`;

  async function save(kind: 'xlsx' | 'csv' | 'pdf') {
    setBusy(true);
    try {
      if (kind === 'pdf') {
        const result = await bridge.printToPdf({ suggestedName: `${base}.pdf`, landscape: true });
        if (result.status !== 'cancelled') report(result);
      } else if (kind === 'csv') {
        report(await bridge.saveFile({ suggestedName: `${base}.csv`, data: new TextEncoder().encode(tableToCsv(table)), filters: [{ nameKey: 'csv', extensions: ['csv'] }] }));
      } else {
        // exceljs is large: loaded only when someone saves a spreadsheet.
        const { toXlsx } = await import('../../../../shared/report/xlsx');
        report(await bridge.saveFile({ suggestedName: `${base}.xlsx`, data: await toXlsx(table), filters: [{ nameKey: 'xlsx', extensions: ['xlsx'] }] }));
      }
    } catch (error) {
      notify({ severity: 'error', key: storeErrorKey(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap' }} className="no-print">
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {t('summary.title')}
        </Typography>
        <Button disabled={busy} onClick={() => save('xlsx')} data-testid="summary-xlsx">
          {t('summary.xlsx')}
        </Button>
        <Button disabled={busy} onClick={() => save('csv')} data-testid="summary-csv">
          {t('summary.csv')}
        </Button>
        <Button disabled={busy} variant="contained" onClick={() => save('pdf')} data-testid="summary-pdf">
          {t('summary.pdf')}
        </Button>
      </Stack>
      {/* The engine's own HTML (every value escaped there), so the screen, the print and the PDF are one. */}
      <style>{reportStylesheet(table)}</style>
      <Box data-testid="summary-table" sx={{ overflowX: 'auto' }} dangerouslySetInnerHTML={{ __html: toHtmlTable(table) }} />
    </Paper>
  );
}
