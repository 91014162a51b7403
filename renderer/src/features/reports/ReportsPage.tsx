import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/context';
import { setRouteParams, useRouteParams } from '../../app/routes';
import { useDashboardData } from '../dashboard/useDashboardData';
import { periodLabel } from '../../components/periodLabel';
import { SummarySection } from './SummarySection';
import { TemplateSection } from './TemplateSection';

/** Reports for the USB drive: the county summary (Excel, CSV, PDF) and the townships' spreadsheet templates. */
export function ReportsPage() {
  const { t } = useTranslation('reports');
  const { store } = useApp();
  const data = useDashboardData(store.db);
  const params = useRouteParams();
  if (!data) return null;
  if (!data.county || data.rounds.length === 0) {
    return (
      <Typography color="text.secondary" data-testid="reports-empty">
        {t('empty')}
      </Typography>
    );
  }
  const round = data.rounds.find((r) => r.id === params.get('round')) ?? data.rounds.at(-1)!;
  return (
    <Stack spacing={2} data-testid="reports">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} className="no-print">
        <Typography variant="h4" component="h1">
          {t('title')}
        </Typography>
        <TextField select size="small" label={t('round')} value={round.id} onChange={(e) => setRouteParams('reports', { round: e.target.value })} sx={{ minWidth: 220 }}>
          {data.rounds.map((r) => (
            <MenuItem key={r.id} value={r.id}>
              {periodLabel(r.period, t)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <SummarySection data={data} round={round} />
      <TemplateSection data={data} round={round} />
    </Stack>
  );
}
