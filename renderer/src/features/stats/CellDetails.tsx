import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSexFigure, type AnyFigure, type ReportingRound } from '../../../../shared/domain/stats';
import { directionOf, type Lang } from '../../../../shared/i18n/lang';
import { formatDateTime, formatInteger, NO_VALUE } from '../../../../shared/i18n/format';
import { parseStamp } from '../../../../shared/sync/hlc';
import type { Issue } from '../../../../shared/stats/validation';
import { useLanguage } from '../../app/context';
import { BilingualName } from '../../components/BilingualName';
import { PcName, usePcNames } from '../../components/PcName';
import { cellMark, type GridRow } from './EntryGrid';
import { issueMessage } from '../../components/issueMessage';
import { periodLabel } from '../../components/periodLabel';
import { reportId, useCellHistory } from './useStatsData';

/**
 * What the focused cell says: which organisation, figure and period it is, its messages, the
 * comment a warning needs, and its history — which PC changed it, when, from what to what — read
 * from the change log, which already holds every write.
 */
export function CellDetails({ row, figure, round, onNote }: { row: GridRow; figure: AnyFigure; round: ReportingRound; onNote(text: string): void }) {
  const { t } = useTranslation('stats');
  const { lang } = useLanguage();
  const history = useCellHistory(reportId(round.id, row.org.id), figure);
  const names = usePcNames();
  // Comments answer warnings, which only totals have; a sex figure's cell has none to keep.
  const savedNote = isSexFigure(figure) ? '' : (row.report?.notes?.[figure] ?? '');
  const [note, setNote] = useState(savedNote);
  useEffect(() => setNote(savedNote), [savedNote]);
  const issues: Issue[] = row.issues.filter((i) => i.figure === figure);
  const needsNote = issues.some((i) => i.severity === 'warning');
  const mark = cellMark(row, figure);

  return (
    <Paper variant="outlined" sx={{ p: 2, height: '100%', overflowY: 'auto', boxSizing: 'border-box' }} data-testid="cell-details" component="section" aria-labelledby="cell-title">
      <Typography variant="subtitle1" component="h2" data-testid="cell-title" id="cell-title">
        <BilingualName text={row.org.name} lang={lang} /> · {t(`figures.${figure}`)}
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom data-testid="cell-subtitle">
        {`${periodLabel(round.period, t)} · `}
        <bdi dir="ltr">{row.org.code}</bdi>
      </Typography>
      <Stack spacing={1}>
        {row.report?.status === 'returned' && row.report.returnComment ? (
          <Alert severity="warning" icon={false} data-testid="cell-returned">
            {t('grid.returnedBecause', { comment: row.report.returnComment })}
          </Alert>
        ) : null}
        {issues.map((i, n) => (
          // An explained warning is answered: it reads as done, no longer as something to do.
          <Alert key={n} severity={i.severity === 'warning' && mark === 'explained' ? 'success' : i.severity} data-testid="cell-issue" data-code={i.code} data-mark={i.severity === 'warning' ? mark : 'error'}>
            {issueMessage(i, t, lang)}
          </Alert>
        ))}
        {needsNote || savedNote ? (
          <TextField
            size="small"
            multiline
            minRows={2}
            label={t('grid.note')}
            helperText={needsNote ? t(mark === 'explained' ? 'grid.noteGiven' : 'grid.noteNeeded') : undefined}
            value={note}
            slotProps={{ htmlInput: { 'data-testid': 'cell-note', readOnly: !row.editable } }}
            onChange={(e) => setNote(e.target.value)}
            onBlur={() => note.trim() !== savedNote.trim() && onNote(note)}
          />
        ) : null}
        <Typography variant="subtitle2">{t('grid.history')}</Typography>
        {history && history.length > 0 ? (
          <List dense data-testid="cell-history">
            {history.map((h) => (
              <ListItem key={`${h.hlc}:${h.kind}`} disableGutters data-kind={h.kind}>
                <ListItemText
                  primary={h.kind === 'value' ? <ValueChange from={h.from} to={h.to} /> : t(h.note === '' ? 'grid.noteCleared' : 'grid.noted')}
                  secondary={
                    <>
                      <PcName device={h.device} names={names} /> · {formatDateTime(new Date(parseStamp(h.hlc).wall), lang)}
                      {h.note ? <> · <bdi>{h.note}</bdi></> : null}
                    </>
                  }
                />
              </ListItem>
            ))}
          </List>
        ) : (
          <Typography color="text.secondary">{t('grid.noHistory')}</Typography>
        )}
      </Stack>
    </Paper>
  );
}

/** An empty cell or one never written: a dash; a count: formatted (isolated left to right in Uyghur). */
function shown(value: number | null | undefined, lang: Lang): string {
  return value === undefined || value === null ? NO_VALUE : formatInteger(value, lang);
}

/**
 * "44 → 46" in Chinese, "44 ← 46" read from the right in Uyghur. The line is isolated in the
 * language's own direction, so it reads the same whatever surrounds it, and each value is its own
 * left-to-right run; a screen reader hears a sentence instead of an arrow.
 */
function ValueChange({ from, to }: { from: number | null | undefined; to: number | null }) {
  const { t } = useTranslation('stats');
  const { lang } = useLanguage();
  const values = { from: shown(from, lang), to: shown(to, lang) };
  return (
    <>
      <bdi dir={directionOf(lang)} aria-hidden data-testid="history-change">
        {t('grid.changed', values)}
      </bdi>
      <Box component="span" sx={VISUALLY_HIDDEN}>
        {t('grid.changedSpoken', values)}
      </Box>
    </>
  );
}

const VISUALLY_HIDDEN = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;
