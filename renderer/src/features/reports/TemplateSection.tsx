import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roundColumns, type ReportingRound } from '../../../../shared/domain/stats';
import { pickText } from '../../../../shared/i18n/lang';
import { templateMessage } from '../../../../shared/stats/report/templateMessages';
import type { TemplateReadResult } from '../../../../shared/stats/report/templateRead';
import { useBridge, useLanguage, useNotify, useStore } from '../../app/context';
import { useStatsWrite } from '../../app/useStatsWrite';
import { storeErrorKey } from '../../store/errors';
import { entryRound, type StatsModel } from '../../../../shared/stats/model';
import { useSaveReport } from '../../components/useSaveAndReport';
import { periodLabel } from '../../components/periodLabel';
import { REPORT_LOCALES } from './reportLocales';
import { templateStoreWrites } from './reportsService';

/**
 * The spreadsheet township officers already use: a prefilled template for one township and round,
 * and reading a filled one back — every problem listed by cell, nothing stored until confirmed.
 */
export function TemplateSection({ data }: { data: StatsModel }) {
  const { t } = useTranslation('reports');
  const store = useStore();
  const bridge = useBridge();
  const notify = useNotify();
  const { lang } = useLanguage();
  const report = useSaveReport();
  const writeStats = useStatsWrite();
  const units = data.orgs.filter((o) => o.parentId === data.county!.id).sort((a, b) => (a.code < b.code ? -1 : 1));
  // Templates are for the round being filled: by default the newest open one, as on the entry page.
  const [roundId, setRoundId] = useState(() => entryRound(data.rounds)?.id ?? '');
  const round: ReportingRound = data.rounds.find((r) => r.id === roundId) ?? entryRound(data.rounds)!;
  const [unitId, setUnitId] = useState(units[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [read, setRead] = useState<TemplateReadResult | null>(null);
  // Off for every file read: rows with formula cells are held back unless the person says otherwise.
  const [useFormulaValues, setUseFormulaValues] = useState(false);
  const withFormulas = read?.ok ? read.rows.filter((row) => row.formulas !== undefined).length : 0;
  const unit = units.find((u) => u.id === unitId);

  async function rows() {
    const { templateRows } = await import('../../../../shared/stats/report/template');
    return templateRows(data.orgs, data.reports.filter((r) => r.roundId === round.id), round, unitId);
  }

  async function exportTemplate() {
    if (!unit) return;
    setBusy(true);
    try {
      const { writeTemplate } = await import('../../../../shared/stats/report/template');
      const { orgs, values } = await rows();
      const bytes = await writeTemplate({ county: data.county!, township: unit, round, orgs, values, lang, locales: REPORT_LOCALES });
      report(await bridge.saveFile({ suggestedName: `${unit.code}-${round.period}.xlsx`, data: bytes, filters: [{ nameKey: 'xlsx', extensions: ['xlsx'] }] }));
    } catch (error) {
      notify({ severity: 'error', key: storeErrorKey(error) });
    } finally {
      setBusy(false);
    }
  }

  async function importTemplate() {
    if (!unit) return;
    const opened = await bridge.openFiles({ multiple: false, filters: [{ nameKey: 'xlsx', extensions: ['xlsx'] }] });
    if (opened.status === 'error') return notify({ severity: 'error', key: `errors:bridge.${opened.reason}` });
    if (opened.status !== 'opened') return;
    setBusy(true);
    try {
      const { readTemplate } = await import('../../../../shared/stats/report/templateRead');
      const { orgs } = await rows();
      setUseFormulaValues(false);
      setRead(
        await readTemplate(opened.files[0]!.data, {
          countyCode: data.county!.code,
          roundId: round.id,
          townshipCode: unit.code,
          orgCodes: orgs.map((o) => o.code),
          figures: roundColumns(round),
        }),
      );
    } catch (error) {
      notify({ severity: 'error', key: storeErrorKey(error) });
    } finally {
      setBusy(false);
    }
  }

  /**
   * Stores what the sheet holds through the same command as the grid (figure by figure, only reports
   * still open for editing); the others are counted as held back.
   */
  async function store_() {
    if (!read?.ok) return;
    const { rowsToStore } = await import('../../../../shared/stats/report/templateRead');
    const result = await templateStoreWrites(store, data, round, rowsToStore(read.rows, useFormulaValues));
    if (!(await writeStats({ ok: true, writes: result.writes }))) return;
    notify({ severity: result.locked ? 'warning' : 'success', key: 'reports:template.stored', values: { count: result.stored, locked: result.locked } });
    setRead(null);
  }

  const messages = REPORT_LOCALES[lang];
  return (
    <Paper variant="outlined" sx={{ p: 2 }} className="no-print">
      <Typography variant="h6" component="h2">
        {t('template.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('template.description')}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField select size="small" label={t('template.round')} value={round.id} onChange={(e) => setRoundId(e.target.value)} sx={{ minWidth: 220 }} slotProps={{ htmlInput: { 'data-testid': 'template-round' } }}>
          {data.rounds.map((r) => (
            <MenuItem key={r.id} value={r.id}>
              {periodLabel(r.period, t)} · {t(`stats:rounds.statuses.${r.status}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label={t('template.unit')} value={unitId} onChange={(e) => setUnitId(e.target.value)} sx={{ minWidth: 240 }}>
          {units.map((u) => (
            <MenuItem key={u.id} value={u.id}>
              {pickText(u.name, lang).text}
            </MenuItem>
          ))}
        </TextField>
        <Button disabled={busy || !unit} onClick={exportTemplate} data-testid="template-export">
          {t('template.export')}
        </Button>
        <Button disabled={busy || !unit} variant="contained" onClick={importTemplate} data-testid="template-import">
          {t('template.import')}
        </Button>
      </Stack>
      {read ? (
        <Dialog open onClose={() => setRead(null)} maxWidth="md" fullWidth aria-labelledby="template-preview-title">
          <DialogTitle id="template-preview-title">{t('template.previewTitle')}</DialogTitle>
          <DialogContent data-testid="template-preview">
            {!read.ok ? (
              <Alert severity="error" data-testid="template-refused" data-reason={read.reason}>
                {templateMessage(read, messages, lang)}
              </Alert>
            ) : (
              <Stack spacing={1}>
                <Alert severity={read.problems.length ? 'warning' : 'success'}>
                  {t('template.summary', { rows: read.rows.length, problems: read.problems.length + read.problemsNotListed })}
                </Alert>
                {read.problemsNotListed > 0 ? (
                  <Alert severity="info" data-testid="template-problems-not-listed">
                    {t('template.problemsNotListed', { limit: read.problems.length, more: read.problemsNotListed })}
                  </Alert>
                ) : null}
                {withFormulas > 0 ? (
                  <FormControlLabel
                    control={<Checkbox checked={useFormulaValues} onChange={(e) => setUseFormulaValues(e.target.checked)} slotProps={{ input: { 'data-testid': 'template-use-formulas' } as object }} />}
                    label={t('template.useFormulaValues', { count: withFormulas })}
                  />
                ) : null}
                {read.problems.length > 0 ? (
                  <List dense data-testid="template-problems">
                    {read.problems.map((p, i) => (
                      <ListItem key={i} disableGutters>
                        <bdi dir="ltr">{p.cell ?? p.code ?? ''}</bdi>&nbsp;{templateMessage(p, messages, lang)}
                      </ListItem>
                    ))}
                  </List>
                ) : null}
              </Stack>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setRead(null)}>{t('template.cancel')}</Button>
            <Button variant="contained" disabled={!read.ok} onClick={store_} data-testid="template-store">
              {t('template.store')}
            </Button>
          </DialogActions>
        </Dialog>
      ) : null}
    </Paper>
  );
}
