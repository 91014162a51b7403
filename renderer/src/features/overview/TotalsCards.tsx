import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { StatReport } from '../../../../shared/domain/stats';
import { formatInteger, formatPercent } from '../../../../shared/i18n/format';
import { leagueYouthRatio, sumFigures } from '../../../../shared/stats/totals';
import { useApp } from '../../app/context';

/** The county's headline figures: members, youth 14–35, youth 14–28 and the league–youth ratio. */
export function TotalsCards({ reports }: { reports: StatReport[] }) {
  const { t } = useTranslation('overview');
  const { lang } = useApp();
  const totals = sumFigures(reports);
  const ratio = leagueYouthRatio(totals.members, totals.youth1428);
  const cards = [
    { id: 'members', value: formatInteger(totals.members, lang) },
    { id: 'youth1435', value: formatInteger(totals.youth1435, lang) },
    { id: 'youth1428', value: formatInteger(totals.youth1428, lang) },
    { id: 'ratio', value: ratio === null ? '—' : formatPercent(ratio, lang, 1) },
  ];
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2 }} data-testid="totals">
      {cards.map((card) => (
        <Paper key={card.id} variant="outlined" sx={{ p: 2, minWidth: 180, flex: '1 1 180px' }}>
          <Typography color="text.secondary">{t(`totals.${card.id}`)}</Typography>
          <Typography variant="h4" component="p" data-testid={`total-${card.id}`}>
            {card.value}
          </Typography>
        </Paper>
      ))}
    </Stack>
  );
}
