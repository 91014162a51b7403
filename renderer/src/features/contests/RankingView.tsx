import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { zipSync } from 'fflate';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable';
import { contestResultsTable } from '../../../../shared/contests/report';
import type { RankedEntry } from '../../../../shared/contests/scoring';
import { formatInteger, formatNumber } from '../../../../shared/i18n/format';
import { pickText } from '../../../../shared/i18n/lang';
import { reportStylesheet, tableToCsv, toHtmlTable } from '../../../../shared/report';
import { useBridge, useLanguage, useNotify, useStore } from '../../app/context';
import { storeErrorKey } from '../../store/errors';
import { useSaveReport } from '../../components/useSaveAndReport';
import { CONTEST_LOCALES } from './contestLocales';
import { readPhotos, type ContestData } from './useContestData';
import { awardOverrideWrites } from '../../../../shared/contests/writes';

/** The ranking with awards, the tie-break rule stated, manual award changes with a reason, and the results files. */
export function RankingView({ data, scope }: { data: ContestData; scope: string }) {
  const { t } = useTranslation('contests');
  const store = useStore();
  const bridge = useBridge();
  const notify = useNotify();
  const { lang } = useLanguage();
  const report = useSaveReport();
  const [changing, setChanging] = useState<RankedEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const { contest, ranking } = data;
  const tierName = (id: string | null) => (id === null ? t('ranking.noAward') : pickText(contest.tiers.find((x) => x.id === id)?.name ?? {}, lang).text);
  const orgs = new Map(data.orgs.map((o) => [o.id, o.name]));
  const table = contestResultsTable(contest, ranking, lang, CONTEST_LOCALES, (id) => orgs.get(id));
  const base = `contest-${(contest.title.zh ?? contest.title.ug ?? 'results').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60)}`;

  async function save(kind: 'xlsx' | 'csv' | 'pdf' | 'photos') {
    setBusy(true);
    try {
      if (kind === 'pdf') {
        const result = await bridge.printToPdf({ suggestedName: `${base}.pdf` });
        if (result.status !== 'cancelled') report(result);
      } else if (kind === 'csv') {
        report(await bridge.saveFile({ suggestedName: `${base}.csv`, data: new TextEncoder().encode(tableToCsv(table)), filters: [{ nameKey: 'csv', extensions: ['csv'] }] }));
      } else if (kind === 'xlsx') {
        const { toXlsx } = await import('../../../../shared/report/xlsx');
        report(await bridge.saveFile({ suggestedName: `${base}.xlsx`, data: await toXlsx(table), filters: [{ nameKey: 'xlsx', extensions: ['xlsx'] }] }));
      } else {
        report(await bridge.saveFile({ suggestedName: `${base}-photos.zip`, data: await winnersPhotosZip(), filters: [{ nameKey: 'all', extensions: ['zip'] }] }));
      }
    } catch (error) {
      notify({ severity: 'error', key: storeErrorKey(error) });
    } finally {
      setBusy(false);
    }
  }

  /** Winners' display copies in one zip: `<rank>-<award>-<code>-<entrant>-<n>.jpg`, names safe on Windows. */
  async function winnersPhotosZip(): Promise<Uint8Array> {
    const files: Record<string, Uint8Array> = {};
    for (const r of ranking.ranked.filter((x) => x.tierId !== null)) {
      const photos = r.entry.photos ?? [];
      const rows = await readPhotos(store, photos.map((p) => p.display));
      rows.forEach((row, i) => {
        if (!row) return;
        const name = [String(r.rank).padStart(3, '0'), tierName(r.tierId), r.entry.code, r.entry.entrantName, String(i + 1)].join('-').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_');
        files[`${name}.jpg`] = row.bytes;
      });
    }
    // Photos are already compressed: stored, not deflated.
    return zipSync(files, { level: 0 });
  }

  return (
    <Stack spacing={2} data-testid="ranking">
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }} className="no-print">
        <Typography sx={{ flexGrow: 1 }} color="text.secondary" data-testid="tie-breaks">
          {contest.dropExtremes && contest.judges.length >= 5 ? t('ranking.dropped') : t('ranking.mean')} {t('ranking.tieBreaks')}
        </Typography>
        <Button disabled={busy || ranking.ranked.length === 0} onClick={() => save('xlsx')} data-testid="results-xlsx">
          {t('ranking.xlsx')}
        </Button>
        <Button disabled={busy || ranking.ranked.length === 0} onClick={() => save('csv')} data-testid="results-csv">
          {t('ranking.csv')}
        </Button>
        <Button disabled={busy || ranking.ranked.length === 0} onClick={() => save('pdf')} data-testid="results-pdf">
          {t('ranking.pdf')}
        </Button>
        {contest.kind === 'photo' && (
          <Button disabled={busy || ranking.ranked.length === 0} onClick={() => save('photos')} data-testid="results-photos">
            {t('ranking.photosZip')}
          </Button>
        )}
      </Stack>
      <ListTable
        count={ranking.ranked.length}
        empty={t('ranking.empty')}
        emptyTestId="ranking-empty"
        scroll
        className="no-print"
        columns={[
          { label: t('ranking.rank') },
          { label: t('entries.code') },
          { label: t('entries.entrant') },
          { label: t('ranking.score'), align: 'right' },
          // One column per judge, in the contest's order, so a judge's scores stand in one column.
          ...contest.judges.map((j) => ({ label: <bdi>{j.name}</bdi>, align: 'right' as const })),
          { label: t('ranking.award') },
          {},
        ]}
      >
        {ranking.ranked.map((r) => (
          <TableRow key={r.entry.id} data-testid="ranking-row" data-code={r.entry.code} data-award={r.tierId ?? ''}>
            <TableCell>{formatInteger(r.rank, lang)}</TableCell>
            <TableCell>
              <bdi dir="ltr">{r.entry.code}</bdi>
            </TableCell>
            <TableCell>
              <bdi>{r.entry.entrantName}</bdi>
            </TableCell>
            <TableCell align="right">
              {formatNumber(r.score, lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
              {r.tieBrokenBy && (
                <Typography variant="caption" component="div" color="text.secondary">
                  {t('ranking.tieBroken', { rule: t(`ranking.tieRules.${r.tieBrokenBy}`) })}
                </Typography>
              )}
            </TableCell>
            {contest.judges.map((j) => {
              const given = r.totals.find((x) => x.judgeId === j.id);
              const dropped = r.dropped.includes(j.id);
              return (
                <TableCell key={j.id} align="right" data-testid="ranking-judge-score" data-judge={j.id} sx={{ textDecoration: dropped ? 'line-through' : 'none', color: dropped ? 'text.disabled' : undefined }} title={dropped ? t('ranking.droppedScore') : undefined}>
                  {given === undefined ? '—' : formatNumber(given.total, lang, { maximumFractionDigits: 1 })}
                </TableCell>
              );
            })}
            <TableCell>
              {tierName(r.tierId)}
              {r.overridden && (
                <Typography variant="caption" component="div" color="warning.main" data-testid="award-overridden">
                  {t('ranking.overridden', { reason: r.entry.awardOverride?.reason ?? '' })}
                </Typography>
              )}
            </TableCell>
            <TableCell>
              <Button size="small" onClick={() => setChanging(r)} data-testid="award-change">
                {t('ranking.change')}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </ListTable>
      {ranking.unranked.length > 0 && (
        <Typography color="text.secondary" className="no-print" data-testid="unranked">
          {t('ranking.unranked', { count: formatInteger(ranking.unranked.length, lang) })}:{' '}
          {ranking.unranked.map((u) => `${u.entry.code} (${t(`ranking.${u.reason}`)})`).join(lang === 'ug' ? '، ' : '、')}
        </Typography>
      )}
      {/* What prints (PDF): the report engine's own table, the same as the spreadsheet. */}
      <Box sx={{ display: 'none', '@media print': { display: 'block' } }}>
        <style>{reportStylesheet(table)}</style>
        <Box dangerouslySetInnerHTML={{ __html: toHtmlTable(table) }} />
      </Box>
      {changing && <OverrideDialog entry={changing} data={data} scope={scope} tierName={tierName} onClose={() => setChanging(null)} />}
    </Stack>
  );
}

function OverrideDialog({ entry, data, scope, tierName, onClose }: { entry: RankedEntry; data: ContestData; scope: string; tierName: (id: string | null) => string; onClose: () => void }) {
  const { t } = useTranslation('contests');
  const store = useStore();
  const notify = useNotify();
  const [tierId, setTierId] = useState<string>(entry.tierId ?? '');
  const [reason, setReason] = useState(entry.entry.awardOverride?.reason ?? '');
  const [tried, setTried] = useState(false);

  async function write(awardOverride: { tierId: string | null; reason: string; at: string } | null) {
    try {
      await store.repo.write(awardOverrideWrites(entry.entry.id, awardOverride, scope));
      onClose();
    } catch (error) {
      notify({ severity: 'error', key: storeErrorKey(error) });
    }
  }

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="override-dialog">
      <DialogTitle>{t('ranking.overrideTitle', { code: entry.entry.code })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography color="text.secondary">{t('ranking.overrideComputed', { award: tierName(entry.computedTierId) })}</Typography>
          <TextField select size="small" label={t('ranking.overrideTier')} value={tierId} onChange={(e) => setTierId(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'override-tier' } }}>
            <MenuItem value="">{t('ranking.overrideNone')}</MenuItem>
            {data.contest.tiers.map((x) => (
              <MenuItem key={x.id} value={x.id}>
                {tierName(x.id)}
              </MenuItem>
            ))}
          </TextField>
          <TextField label={t('ranking.overrideReason')} value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} error={tried && !reason.trim()} slotProps={{ htmlInput: { 'data-testid': 'override-reason', dir: 'auto' } }} />
          {tried && !reason.trim() && <Alert severity="error">{t('ranking.overrideReason')}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        {entry.overridden && <Button onClick={() => write(null)}>{t('ranking.overrideClear')}</Button>}
        <Button onClick={onClose}>{t('ranking.cancel')}</Button>
        <Button
          variant="contained"
          data-testid="override-save"
          onClick={() => {
            setTried(true);
            if (reason.trim()) void write({ tierId: tierId || null, reason: reason.trim(), at: new Date().toISOString() });
          }}
        >
          {t('ranking.overrideSave')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
