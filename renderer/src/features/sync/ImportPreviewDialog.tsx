import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatInteger } from '../../../../shared/i18n/format';
import { useLanguage } from '../../app/context';
import { useSyncedTableNames } from './useSyncData';
import { BilingualName } from '../../components/BilingualName';
import { issueMessage } from '../../components/issueMessage';
import { pcLabel, usePcNames, type PcNames } from '../../components/PcName';
import { carriedDeviceNames } from '../../../../shared/devices/names';
import { periodLabel } from '../../components/periodLabel';
import type { DisagreeingReport, ImportReview } from './syncService';

export function ImportPreviewDialog({
  review,
  busy,
  restore,
  onCancel,
  onApply,
}: {
  review: ImportReview;
  busy: boolean;
  restore: boolean;
  onCancel(): void;
  onApply(): void;
}) {
  const { t } = useTranslation('sync');
  const tableNames = useSyncedTableNames();
  const { lang } = useLanguage();
  const names = useNamesWithCarried(review);
  const preview = review.preview;
  const fresh = preview ? Object.values(preview.perTable).reduce((n, c) => n + (c?.new ?? 0) + (c?.updated ?? 0), 0) + preview.parked : 0;
  // Changes this import takes back out (a revocation that cuts them) are something new to apply.
  const takenBack = (review.trust ?? []).reduce((sum, w) => sum + Object.values(w.takenBack ?? {}).reduce((a, b) => a + (b ?? 0), 0), 0);
  // So are trust records this PC does not hold (a revocation sent to a PC that has every change).
  const unheld = review.prepared?.unheld ?? 0;
  const nothingNew = preview !== undefined && !preview.refused && fresh === 0 && takenBack === 0 && unheld === 0 && preview.conflicts.length === 0;
  const outsideScope = review.files.reduce((n, f) => n + (f.outsideScope ?? 0), 0);
  const n = (value: number) => formatInteger(value, lang);

  return (
    <Dialog open onClose={busy ? undefined : onCancel} maxWidth="md" fullWidth aria-labelledby="import-preview-title">
      <DialogTitle id="import-preview-title">{t(restore ? 'restore.confirmTitle' : 'preview.title')}</DialogTitle>
      {/* A long preview scrolls: focusable, so it scrolls from the keyboard too. */}
      <DialogContent tabIndex={0}>
        <Stack spacing={2} data-testid="import-preview">
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('preview.file')}</TableCell>
                <TableCell>{t('preview.sender')}</TableCell>
                <TableCell>{t('preview.created')}</TableCell>
                <TableCell align="right">{t('preview.changes')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {review.files.map((f) => (
                <TableRow key={f.name} data-testid="preview-file">
                  <TableCell>
                    <bdi dir="ltr">{f.name}</bdi>
                  </TableCell>
                  {f.refusal ? (
                    <TableCell colSpan={3}>
                      <Alert severity="error" data-testid="preview-refusal" data-reason={f.refusal.reason}>
                        {t(`bundle:refusal.${f.refusal.reason}`, f.refusal.detail as Record<string, unknown>)}
                      </Alert>
                    </TableCell>
                  ) : (
                    <>
                      <TableCell data-testid="preview-sender" data-device={f.manifest!.sender.device}>
                        {/* Who sent it, by the name the file gives, else the name this PC knows, else the short id. */}
                        <div>{f.manifest!.sender.name ? <bdi>{f.manifest!.sender.name}</bdi> : pcLabel(f.manifest!.sender.device, names, t, lang)}</div>
                        <Typography variant="body2" color="text.secondary" component="div">
                          <bdi dir="ltr">{f.manifest!.county.code}</bdi>
                        </Typography>
                      </TableCell>
                      <TableCell>{formatDateTime(new Date(f.manifest!.created), lang)}</TableCell>
                      <TableCell align="right">{n(f.changes!.length)}</TableCell>
                    </>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {preview && !preview.refused ? (
            <>
              <Table size="small" data-testid="preview-tables">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('preview.table')}</TableCell>
                    <TableCell align="right">{t('preview.new')}</TableCell>
                    <TableCell align="right">{t('preview.updated')}</TableCell>
                    <TableCell align="right">{t('preview.unchanged')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {tableNames.map((table) => {
                    const c = preview.perTable[table];
                    return (
                      <TableRow key={table} data-table={table}>
                        <TableCell>{t(`common:tables.${table}`)}</TableCell>
                        <TableCell align="right">{n(c?.new ?? 0)}</TableCell>
                        <TableCell align="right">{n(c?.updated ?? 0)}</TableCell>
                        <TableCell align="right">{n(c?.unchanged ?? 0)}</TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
              <TrustCounts review={review} />
              {nothingNew ? <Alert severity="info" data-testid="preview-already">{t('preview.alreadyApplied')}</Alert> : null}
              {preview.alreadyApplied > 0 && !nothingNew ? <Alert severity="info">{t('preview.someAlreadyApplied', { count: preview.alreadyApplied })}</Alert> : null}
              {unheld > 0 && fresh === 0 ? (
                <Alert severity="info" data-testid="preview-trust-records">
                  {t('preview.trustRecordsNew', { count: unheld, n: n(unheld) })}
                </Alert>
              ) : null}
              {preview.conflicts.length > 0 ? <Alert severity="warning" data-testid="preview-conflicts">{t('preview.conflicts', { count: preview.conflicts.length })}</Alert> : null}
              {review.disagreeing && review.disagreeing.length > 0 ? <DisagreeingReports reports={review.disagreeing} /> : null}
              {preview.futureStamped.map((s) => (
                <Alert key={s.device} severity="warning" data-testid="preview-future">
                  {t('preview.futureStamped', { pc: pcLabel(s.device, names, t, lang), count: s.count, date: formatDateTime(new Date(Date.parse(s.latestStamp.slice(0, 24))), lang) })}
                </Alert>
              ))}
              {preview.parked > 0 ? <Alert severity="info">{t('preview.parked', { count: preview.parked })}</Alert> : null}
              {outsideScope > 0 ? <Alert severity="warning">{t('preview.outsideScope', { count: outsideScope })}</Alert> : null}
            </>
          ) : null}
          {preview?.refused ? <Alert severity="error">{t('preview.refused')}</Alert> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy} data-testid="preview-cancel">
          {t('preview.cancel')}
        </Button>
        <Button variant="contained" onClick={onApply} disabled={busy || !preview || preview.refused || nothingNew} data-testid="preview-apply">
          {t(restore ? 'restore.confirm' : 'preview.apply')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** How many of them the preview names; the rest are counted (the entry grid shows each). */
const NAMED = 20;

/** Incoming reports whose figures disagree: imported all the same, each named with what is wrong. */
function DisagreeingReports({ reports }: { reports: readonly DisagreeingReport[] }) {
  const { t } = useTranslation('sync');
  const { lang } = useLanguage();
  return (
    <Alert severity="warning" data-testid="preview-disagreeing">
      {t('preview.disagreeing', { count: reports.length })}
      <Box component="ul" sx={{ m: 0, mt: 0.5, paddingInlineStart: 3 }}>
        {reports.slice(0, NAMED).map((report) => (
          <li key={report.id} data-testid="preview-disagreeing-report" data-code={report.org?.code}>
            {report.org ? <BilingualName text={report.org.name} lang={lang} /> : <bdi dir="ltr">{report.id}</bdi>}
            {report.org ? <> (<bdi dir="ltr">{report.org.code}</bdi>)</> : null} · {periodLabel(report.period, t)}:{' '}
            {report.issues.map((issue) => issueMessage(issue, t, lang)).join(' ')}
          </li>
        ))}
      </Box>
      {reports.length > NAMED ? t('preview.disagreeingMore', { count: reports.length - NAMED }) : null}
    </Alert>
  );
}

/**
 * The names this PC knows, and for PCs it does not know yet the names the files carry (each file's
 * sender, and PCs' own `device` rows in it): a file introducing a PC names it in its own preview.
 */
function useNamesWithCarried(review: ImportReview): PcNames {
  const held = usePcNames();
  return useMemo(() => {
    const carried = carriedDeviceNames(review.files.flatMap((f) => f.changes ?? []));
    for (const f of review.files) if (f.manifest?.sender.name) carried.set(f.manifest.sender.device, f.manifest.sender.name);
    return new Map([...carried, ...(held ?? [])]);
  }, [held, review]);
}

/**
 * Per PC that wrote the new changes: how many are authorized and how many refused, with the
 * reasons (issue 14); and how many of its changes applied earlier the import takes back out. Changes decided for nothing (this PC has no county yet) are counted once.
 */
function TrustCounts({ review }: { review: ImportReview }) {
  const { t } = useTranslation('sync');
  const { lang } = useLanguage();
  const names = useNamesWithCarried(review);
  const writers = review.trust ?? [];
  const decided = writers.filter((w) => w.authorized > 0 || Object.keys(w.refused).length > 0 || w.takenBack !== undefined);
  const unverified = writers.reduce((sum, w) => sum + w.unverified, 0);
  const n = (value: number) => formatInteger(value, lang);
  return (
    <>
      {decided.length > 0 ? (
        <Table size="small" data-testid="preview-trust" aria-label={t('trust.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('trust.pc')}</TableCell>
              <TableCell align="right">{t('trust.authorized')}</TableCell>
              <TableCell>{t('trust.refused')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {decided.map((w) => (
              <TableRow key={w.device} data-device={w.device}>
                <TableCell>{pcLabel(w.device, names, t, lang)}</TableCell>
                <TableCell align="right">{n(w.authorized)}</TableCell>
                <TableCell>
                  {Object.entries(w.refused).map(([reason, count]) => (
                    <div key={reason} data-reason={reason}>
                      {t('trust.reasonCount', { reason: t(`trust:reason.${reason}`), count: n(count ?? 0) })}
                    </div>
                  ))}
                  {Object.entries(w.takenBack ?? {}).map(([reason, count]) => (
                    <div key={`back-${reason}`} data-taken-back={reason}>
                      {t('trust.takenBack', { reason: t(`trust:reason.${reason}`), count: n(count ?? 0) })}
                    </div>
                  ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {unverified > 0 ? <Alert severity="info">{t('trust.unverified', { count: n(unverified) })}</Alert> : null}
    </>
  );
}
