import Alert from '@mui/material/Alert';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSexFigure, type AnyFigure } from '../../../../shared/domain/stats';
import { formatDateTime, formatInteger, NO_VALUE } from '../../../../shared/i18n/format';
import { parseStamp } from '../../../../shared/sync/hlc';
import type { Issue } from '../../../../shared/stats/validation';
import { useApp } from '../../app/context';
import { BilingualName } from '../../components/BilingualName';
import { PcName, usePcNames } from '../../components/PcName';
import type { GridRow } from './EntryGrid';
import { issueMessage } from '../../components/issueMessage';
import { periodLabel } from '../../components/periodLabel';
import { readRowHistory } from '../../store/changeLog';
import { reportId } from './useStatsData';

/**
 * What the focused cell says: which organisation, figure and period it is, its messages, the
 * comment a warning needs, and its history — which PC changed it, when, from what to what — read
 * from the change log, which already holds every write.
 */
export function CellDetails({ row, figure, roundId, onNote }: { row: GridRow; figure: AnyFigure; roundId: string; onNote(text: string): void }) {
  const { t } = useTranslation('stats');
  const { store, lang } = useApp();
  const id = reportId(roundId, row.org.id);
  const history = useLiveQuery(async () => {
    const changes = await readRowHistory(store.db, 'statReport', id);
    let previous: unknown = undefined;
    const out: { hlc: string; device: string; from: unknown; to: unknown; note?: string }[] = [];
    for (const c of changes) {
      const note = (c.fields.notes as Record<string, string> | undefined)?.[figure];
      if (figure in c.fields) {
        out.push({ hlc: c.hlc, device: c.device, from: previous, to: c.fields[figure], note });
        previous = c.fields[figure];
      } else if (note !== undefined) {
        out.push({ hlc: c.hlc, device: c.device, from: undefined, to: undefined, note });
      }
    }
    return out.reverse();
  }, [store, id, figure]);
  const names = usePcNames();
  const period = useLiveQuery(async () => (await store.db.round.get(roundId))?.['period'] as string | undefined, [store, roundId]);
  // Comments answer warnings, which only totals have; a sex figure's cell has none to keep.
  const savedNote = isSexFigure(figure) ? '' : (row.report?.notes?.[figure] ?? '');
  const [note, setNote] = useState(savedNote);
  useEffect(() => setNote(savedNote), [savedNote]);
  const issues: Issue[] = row.issues.filter((i) => i.figure === figure);
  const needsNote = issues.some((i) => i.severity === 'warning');
  const show = (v: unknown) => (v === undefined || v === null || v === '' ? NO_VALUE : typeof v === 'number' ? formatInteger(v, lang) : String(v));

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="cell-details">
      <Typography variant="subtitle1" component="h2" data-testid="cell-title">
        <BilingualName text={row.org.name} lang={lang} /> · {t(`figures.${figure}`)}
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom data-testid="cell-subtitle">
        {period ? `${periodLabel(period, t)} · ` : null}
        <bdi dir="ltr">{row.org.code}</bdi>
      </Typography>
      <Stack spacing={1}>
        {issues.map((i) => (
          <Alert key={i.code} severity={i.severity} data-testid="cell-issue" data-code={i.code}>
            {issueMessage(i, t, lang)}
          </Alert>
        ))}
        {needsNote || savedNote ? (
          <TextField
            size="small"
            label={t('grid.note')}
            helperText={needsNote ? t('grid.noteNeeded') : undefined}
            value={note}
            disabled={!row.editable}
            onChange={(e) => setNote(e.target.value)}
            onBlur={() => note !== savedNote && onNote(note)}
            slotProps={{ htmlInput: { 'data-testid': 'cell-note' } }}
          />
        ) : null}
        <Typography variant="subtitle2">{t('grid.history')}</Typography>
        {history && history.length > 0 ? (
          <List dense data-testid="cell-history">
            {history.map((h) => (
              <ListItem key={h.hlc} disableGutters>
                <ListItemText
                  primary={h.to !== undefined ? t('grid.changed', { from: show(h.from), to: show(h.to) }) : t('grid.noted')}
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
