import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { ORG_KINDS } from '../../../../shared/domain/org';
import { useLanguage, useNotify, useStore } from '../../app/context';
import { useHeadline } from '../../app/useHeadline';
import { BilingualName } from '../../components/BilingualName';
import { CoverageNote, HeadlineRoundPicker } from '../../components/HeadlineRound';
import { storeErrorKey } from '../../store/errors';
import { loadDemoCounty } from '../../store/demo';
import { CommitteeTable } from './CommitteeTable';
import { TotalsCards } from './TotalsCards';

/**
 * The county at a glance: its headline figures for one period — by default the newest round that
 * stands for the county (shared/stats/headline.ts), with how complete it is — its committees, and
 * how many organisations of each kind it has.
 */
export function OverviewPage() {
  const { t } = useTranslation('overview');
  const store = useStore();
  const notify = useNotify();
  const { lang } = useLanguage();
  const data = useHeadline('overview');

  if (!data) return <CircularProgress aria-label={t('common:loading')} />;
  const { model, headline, choose } = data;

  const county = model.county;
  if (!county) {
    return (
      <Stack spacing={2} sx={{ maxWidth: 640 }} data-testid="overview-empty">
        <Typography variant="h5" component="h1">
          {t('empty.title')}
        </Typography>
        <Typography color="text.secondary">{t('empty.description')}</Typography>
        <div>
          <Button
            variant="outlined"
            onClick={() => loadDemoCounty(store).catch((e: unknown) => notify({ severity: 'error', key: storeErrorKey(e) }))}
            data-testid="overview-load-demo"
          >
            {t('empty.loadDemo')}
          </Button>
        </div>
      </Stack>
    );
  }

  const counts = new Map(ORG_KINDS.map((k) => [k, model.orgs.filter((o) => o.kind === k && !o.archived).length]));

  return (
    <Stack spacing={3} data-testid="overview">
      <Typography variant="h4" component="h1" data-testid="county-name">
        <BilingualName text={county.name} lang={lang} />
      </Typography>
      {headline ? (
        <>
          <HeadlineRoundPicker rounds={model.rounds} reports={model.reports} choice={headline.choice} lang={lang} onChoose={choose} />
          <CoverageNote choice={headline.choice} lang={lang} />
          <TotalsCards totals={headline.summary.totals} partial={headline.choice.coverage.partial} />
        </>
      ) : (
        <Typography color="text.secondary" data-testid="no-round">
          {t('noRound')}
        </Typography>
      )}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" gutterBottom>
          {t('orgCounts.title')}
        </Typography>
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} data-testid="org-counts">
          {ORG_KINDS.map((kind) => (
            <Chip key={kind} variant="outlined" data-kind={kind} label={`${t(`common:orgKind.${kind}`)} ${counts.get(kind) ?? 0}`} />
          ))}
        </Stack>
      </Paper>
      {headline ? <CommitteeTable lines={headline.summary.committees} /> : null}
    </Stack>
  );
}
