import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import type { AnyFigure } from '../../../../shared/domain/stats';
import { pickText, type Lang } from '../../../../shared/i18n/lang';
import type { GridRow } from './EntryGrid';

/** A started report that cannot be submitted yet, and the first cell that holds it back. */
export interface BlockedReport {
  row: number;
  r: GridRow;
  errors: number;
  /** Warnings without a comment. */
  uncommented: number;
  /** Nothing filled in. */
  empty: boolean;
  /** Where to take the person: the first error, else the first warning without a comment, else the first cell. */
  figure: AnyFigure;
}

/**
 * "7 份还有错误或缺少说明": which reports, each a button that takes the person to the cell to fix
 * (Tab and Enter, or a click). The list follows the grid as it is fixed: a report leaves it as soon
 * as it could be submitted.
 */
export function BlockedReports({ blocked, lang, onGoTo, onClose }: { blocked: readonly BlockedReport[]; lang: Lang; onGoTo(report: BlockedReport): void; onClose(): void }) {
  const { t } = useTranslation('stats');
  return (
    <Alert severity="warning" onClose={onClose} data-testid="blocked-reports" sx={{ py: 0, '& .MuiAlert-message': { width: '100%' } }}>
      <Box component="span" id="blocked-title">
        {t('blocked.title', { count: blocked.length })}
      </Box>
      <Box component="ul" aria-labelledby="blocked-title" sx={{ listStyle: 'none', m: 0, p: 0, display: 'flex', flexWrap: 'wrap', columnGap: 1, maxHeight: 72, overflowY: 'auto' }}>
        {blocked.map((b) => (
          <li key={b.r.org.id}>
            <Button size="small" color="inherit" sx={{ textTransform: 'none', py: 0 }} onClick={() => onGoTo(b)} data-testid="blocked-report" data-code={b.r.org.code}>
              <bdi>{pickText(b.r.org.name, lang).text}</bdi>
              {'\u00a0'}
              <Box component="span" sx={{ color: 'text.secondary' }}>
                ({problemsText(b, t)})
              </Box>
            </Button>
          </li>
        ))}
      </Box>
    </Alert>
  );
}

function problemsText(b: BlockedReport, t: (key: string, values?: Record<string, unknown>) => string): string {
  const parts: string[] = [];
  if (b.errors > 0) parts.push(t('blocked.errors', { count: b.errors }));
  if (b.uncommented > 0) parts.push(t('blocked.uncommented', { count: b.uncommented }));
  if (b.empty) parts.push(t('blocked.empty'));
  return parts.join(t('blocked.separator'));
}
