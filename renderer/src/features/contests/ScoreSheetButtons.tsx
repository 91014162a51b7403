import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScoreSheetProblem } from '../../../../shared/contests/scoreSheet';
import type { Entry } from '../../../../shared/contests/rows';
import { formatInteger } from '../../../../shared/i18n/format';
import { useBridge, useLanguage, useNotify, useStore } from '../../app/context';
import { storeErrorKey } from '../../store/errors';
import { useSaveReport } from '../../components/useSaveAndReport';
import type { ContestData } from './useContestData';
import { sheetScoreWrites } from '../../../../shared/contests/writes';

/** Export a judge's blind score sheet (xlsx, by code) and read it back with every problem by cell. */
export function ScoreSheetButtons({ data, judgeId, scope, entries }: { data: ContestData; judgeId: string; scope: string; entries: Entry[] }) {
  const { t } = useTranslation('contests');
  const store = useStore();
  const bridge = useBridge();
  const notify = useNotify();
  const { lang } = useLanguage();
  const report = useSaveReport();
  const [preview, setPreview] = useState<{ points: Map<string, Record<string, number>>; problems: ScoreSheetProblem[] } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const judge = data.contest.judges.find((j) => j.id === judgeId)!;

  async function exportSheet() {
    try {
      const { scoreSheetXlsx } = await import('../../../../shared/contests/scoreSheet');
      const bytes = await scoreSheetXlsx(data.contest, judgeId, entries, data.scores, lang, {
        title: t('sheet.title', { judge: judge.name }),
        instructions: t('sheet.instructions'),
        code: t('sheet.code'),
        sheetName: t('tabs.judging'),
      });
      const name = `scores-${judge.name.replace(/[\\/:*?"<>|\s]+/g, '_')}.xlsx`;
      report(await bridge.saveFile({ suggestedName: name, data: bytes, filters: [{ nameKey: 'xlsx', extensions: ['xlsx'] }] }));
    } catch (error) {
      notify({ severity: 'error', key: storeErrorKey(error) });
    }
  }

  async function importSheet() {
    const opened = await bridge.openFiles({ multiple: false, filters: [{ nameKey: 'xlsx', extensions: ['xlsx'] }] });
    if (opened.status !== 'opened' || !opened.files[0]) return;
    const { readScoreSheet } = await import('../../../../shared/contests/scoreSheet');
    const read = await readScoreSheet(opened.files[0].data, data.contest, judgeId, entries);
    if (!read.ok) {
      setRefusal(read.reason === 'judge-mismatch' ? t('sheet.judgeMismatch') : t('sheet.problems.not-a-sheet'));
      return;
    }
    setRefusal(null);
    setPreview(read);
  }

  async function store_() {
    if (!preview) return;
    const specs = sheetScoreWrites(data.contest.id, judgeId, preview.points, data.scores, scope);
    try {
      await store.repo.write(specs);
      notify({ severity: 'success', key: 'contests:judging.sheetImported', values: { count: formatInteger(specs.length, lang) } });
      setPreview(null);
    } catch (error) {
      notify({ severity: 'error', key: storeErrorKey(error) });
    }
  }

  return (
    <>
      <Button onClick={exportSheet} data-testid="sheet-export">
        {t('judging.sheetExport')}
      </Button>
      <Button onClick={importSheet} data-testid="sheet-import">
        {t('judging.sheetImport')}
      </Button>
      {refusal && (
        <Alert severity="error" onClose={() => setRefusal(null)} data-testid="sheet-refusal">
          {refusal}
        </Alert>
      )}
      <Dialog open={preview !== null} onClose={() => setPreview(null)} maxWidth="sm" fullWidth data-testid="sheet-preview">
        <DialogTitle>{t('judging.sheetImport')}</DialogTitle>
        <DialogContent>
          <Typography>{t('judging.sheetImported', { count: formatInteger(preview?.points.size ?? 0, lang) })}</Typography>
          {preview && preview.problems.length > 0 && (
            <>
              <Typography variant="subtitle2" sx={{ mt: 1 }}>
                {t('judging.sheetProblems')}
              </Typography>
              <ul data-testid="sheet-problems">
                {preview.problems.map((p, i) => (
                  <li key={i}>{t(`sheet.problems.${p.code}`, { cell: p.cell, ...Object.fromEntries(Object.entries(p.detail).map(([k, v]) => [k, typeof v === 'number' ? formatInteger(v, lang) : v])) })}</li>
                ))}
              </ul>
            </>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setPreview(null)}>{t('judging.sheetCancel')}</Button>
          <Button variant="contained" onClick={store_} disabled={!preview || preview.points.size === 0} data-testid="sheet-store">
            {t('judging.sheetStore')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
