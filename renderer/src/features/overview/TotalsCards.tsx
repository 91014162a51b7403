import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { formatInteger, formatPercent } from '../../../../shared/i18n/format';
import type { SummaryFigures } from '../../../../shared/stats/report/countySummary';
import { useLanguage } from '../../app/context';

/** The county's headline figures (the county summary's totals): members, youth 14–35, youth 14–28 and the ratio. */
export function TotalsCards({ totals, partial }: { totals: SummaryFigures; partial: boolean }) {
  const { t } = useTranslation('overview');
  const { lang } = useLanguage();
  const cards = [
    { id: 'members', value: formatInteger(totals.members, lang) },
    { id: 'youth1435', value: formatInteger(totals.youth1435, lang) },
    { id: 'youth1428', value: formatInteger(totals.youth1428, lang) },
    { id: 'ratio', value: totals.leagueYouthRatio === null ? '—' : formatPercent(totals.leagueYouthRatio, lang, 1) },
  ];
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2 }} data-testid="totals" data-partial={partial}>
      {cards.map((card) => (
        <Paper key={card.id} variant="outlined" sx={{ p: 2, minWidth: 180, flex: '1 1 180px', borderStyle: partial ? 'dashed' : 'solid' }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
            <Typography color="text.secondary">{t(`totals.${card.id}`)}</Typography>
            {partial ? <Chip size="small" color="warning" variant="outlined" label={t('stats:headline.partialMark')} /> : null}
          </Stack>
          <Typography variant="h4" component="p" data-testid={`total-${card.id}`}>
            {card.value}
          </Typography>
        </Paper>
      ))}
    </Stack>
  );
}
