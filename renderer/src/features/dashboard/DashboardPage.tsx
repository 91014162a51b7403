import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/context';
import { setRouteParams, useRouteParams } from '../../app/routes';
import { periodLabel } from '../../components/periodLabel';
import { CompletenessChart } from './CompletenessChart';
import { RatioChart } from './RatioChart';
import { TrendChart } from './TrendChart';
import { useDashboardData } from './useDashboardData';

/** Ratios against targets, the trend, and who has reported: the county's picture at a glance. */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const { store } = useApp();
  const data = useDashboardData(store.db);
  const params = useRouteParams();
  if (!data) return null;
  if (!data.county || data.rounds.length === 0) {
    return (
      <Typography color="text.secondary" data-testid="dashboard-empty">
        {t('empty')}
      </Typography>
    );
  }
  const round = data.rounds.find((r) => r.id === params.get('round')) ?? data.rounds.at(-1)!;
  return (
    <Stack spacing={2} data-testid="dashboard">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h4" component="h1">
          {t('title')}
        </Typography>
        <TextField select size="small" label={t('round')} value={round.id} onChange={(e) => setRouteParams('dashboard', { round: e.target.value })} sx={{ minWidth: 220 }}>
          {data.rounds.map((r) => (
            <MenuItem key={r.id} value={r.id}>
              {periodLabel(r.period, t)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <RatioChart data={data} period={round.period} />
      <CompletenessChart data={data} round={round} />
      <TrendChart data={data} />
    </Stack>
  );
}
