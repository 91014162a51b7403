import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { ORG_KINDS } from '../../../../shared/domain/org';
import { formatDate } from '../../../../shared/i18n/format';
import { useApp } from '../../app/context';
import { BilingualName } from '../../components/BilingualName';
import { storeErrorKey } from '../../store/errors';
import { loadDemoCounty } from '../../store/demo';
import { CommitteeTable } from './CommitteeTable';
import { TotalsCards } from './TotalsCards';
import { periodLabel } from '../../components/periodLabel';
import { useOverview } from './useOverview';

export function OverviewPage() {
  const { t } = useTranslation('overview');
  const { store, lang, notify } = useApp();
  const data = useOverview(store.db);

  if (!data) return <CircularProgress aria-label={t('common:loading')} />;

  const county = data.orgs.find((o) => o.kind === 'county' && o.parentId === null);
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

  const approved = data.reports.filter((r) => r.status === 'approved');
  const counts = new Map(ORG_KINDS.map((k) => [k, data.orgs.filter((o) => o.kind === k && !o.archived).length]));

  return (
    <Stack spacing={3} data-testid="overview">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography variant="h4" component="h1" data-testid="county-name">
          <BilingualName text={county.name} lang={lang} />
        </Typography>
        {data.round ? (
          <Chip
            data-testid="round-chip"
            label={t('round', {
              period: periodLabel(data.round.period, t),
              approved: approved.length,
              expected: data.round.orgIds.length,
              deadline: formatDate(data.round.deadline, lang),
            })}
          />
        ) : null}
      </Stack>
      {data.round ? (
        <TotalsCards reports={approved} />
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
      {data.round ? <CommitteeTable orgs={data.orgs} rootId={county.id} reports={approved} /> : null}
    </Stack>
  );
}
