import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ReportingRound, StatReport } from '../../../shared/domain/stats';
import { formatDate, formatInteger, formatPercent } from '../../../shared/i18n/format';
import type { Lang } from '../../../shared/i18n/lang';
import { roundCoverage, type RoundChoice } from '../../../shared/stats/headline';
import { periodLabel } from './periodLabel';

/*
 * The period the county's headline figures stand for (shared/stats/headline.ts), shared by the
 * Overview, the Dashboard and Reports: a selector with each round's coverage, the rule that chose the
 * default in words, and how complete the shown round is.
 */

interface PickerProps {
  /** Newest first. */
  rounds: readonly ReportingRound[];
  reports: readonly StatReport[];
  choice: RoundChoice;
  lang: Lang;
  /** A round id, or undefined for the default. */
  onChoose(roundId: string | undefined): void;
}

export function HeadlineRoundPicker({ rounds, reports, choice, lang, onChoose }: PickerProps) {
  const { t } = useTranslation('stats');
  const count = (n: number) => formatInteger(n, lang);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <TextField
        select
        size="small"
        label={t('headline.period')}
        value={choice.round.id}
        onChange={(e) => onChoose(e.target.value)}
        sx={{ minWidth: 280 }}
        slotProps={{ htmlInput: { 'data-testid': 'headline-round' } }}
      >
        {rounds.map((round) => {
          const coverage = roundCoverage(round, reports);
          return (
            <MenuItem key={round.id} value={round.id} data-period={round.period}>
              {t('headline.option', { period: periodLabel(round.period, t), approved: count(coverage.approved), expected: count(coverage.expected) })}
            </MenuItem>
          );
        })}
      </TextField>
      {choice.why === 'chosen' ? (
        <Button size="small" onClick={() => onChoose(undefined)} data-testid="headline-default">
          {t('headline.backToDefault')}
        </Button>
      ) : (
        <Typography variant="body2" color="text.secondary" data-testid="headline-why" data-why={choice.why} sx={{ maxWidth: 560 }}>
          {t(`headline.why.${choice.why}`)}
        </Typography>
      )}
    </Stack>
  );
}

/** "2025年度（截止 …）：应报 245 个单位，已审核 245 个（100.0%）", what is still waiting, and a warning for a partial round. */
export function CoverageNote({ choice, lang }: { choice: RoundChoice; lang: Lang }) {
  const { t } = useTranslation('stats');
  const { coverage, round } = choice;
  const text = t('headline.coverage', {
    period: periodLabel(round.period, t),
    deadline: formatDate(round.deadline, lang),
    expected: formatInteger(coverage.expected, lang),
    approved: formatInteger(coverage.approved, lang),
    share: coverage.share === null ? '—' : formatPercent(coverage.share, lang, 1),
  });
  const pending = coverage.pending > 0 ? ` ${t('headline.pending', { count: formatInteger(coverage.pending, lang) })}` : '';
  return coverage.partial ? (
    <Alert severity="warning" data-testid="coverage" data-partial="true">
      <strong>{t('headline.partial')}</strong> {text}
      {pending}
    </Alert>
  ) : (
    <Typography color="text.secondary" data-testid="coverage" data-partial="false">
      {text}
      {pending}
    </Typography>
  );
}
