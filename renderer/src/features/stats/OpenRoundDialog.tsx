import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Org } from '../../../../shared/domain/org';
import { FIGURES, isSplitFigure, type Figure } from '../../../../shared/domain/stats';
import { DEFAULT_CHANGE_FLOOR, DEFAULT_CHANGE_THRESHOLD } from '../../../../shared/stats/validation';
import { openRoundWrites, reportingOrgs } from '../../../../shared/stats/writes';
import { useLanguage, useNotify } from '../../app/context';
import { useWrite } from '../../app/useWrite';
import { DateField } from '../../components/DateField';
type PeriodKind = 'year' | 'half' | 'quarter' | 'month';
const INDEX_COUNT: Record<PeriodKind, number> = { year: 0, half: 2, quarter: 4, month: 12 };

function periodOf(kind: PeriodKind, year: number, index: number): string {
  if (kind === 'year') return String(year);
  if (kind === 'half') return `${year}H${index}`;
  if (kind === 'quarter') return `${year}Q${index}`;
  return `${year}M${String(index).padStart(2, '0')}`;
}

/** The county opens a round: which period, which figures, who reports, by when. */
export function OpenRoundDialog({ orgs, county, onClose }: { orgs: Org[]; county: Org; onClose(): void }) {
  const { t } = useTranslation('stats');
  const { lang } = useLanguage();
  const notify = useNotify();
  const now = new Date();
  const [kind, setKind] = useState<PeriodKind>('quarter');
  const [year, setYear] = useState(now.getFullYear());
  const [index, setIndex] = useState(Math.floor(now.getMonth() / 3) + 1);
  const [figures, setFigures] = useState<Figure[]>([...FIGURES]);
  const [deadline, setDeadline] = useState('');
  // Off by default: most rounds ask totals only, and every split column is one more to fill.
  const [bySex, setBySex] = useState(false);
  const [threshold, setThreshold] = useState(String(DEFAULT_CHANGE_THRESHOLD * 100));
  const [floor, setFloor] = useState(String(DEFAULT_CHANGE_FLOOR));
  const { busy, write } = useWrite();
  const reporting = reportingOrgs(orgs);
  const thresholdValue = Number(threshold);
  const floorValue = Number(floor);
  const floorValid = floor.trim() !== '' && Number.isSafeInteger(floorValue) && floorValue >= 0 && floorValue <= 1_000_000;
  const valid =
    figures.length > 0 &&
    /^\d{4}-\d{2}-\d{2}$/.test(deadline) &&
    year >= 2000 &&
    year <= 2100 &&
    Number.isFinite(thresholdValue) &&
    thresholdValue >= 0 &&
    thresholdValue <= 1000 &&
    floorValid;

  async function open() {
    const result = openRoundWrites(county, orgs, {
      id: `round-${crypto.randomUUID()}`,
      period: periodOf(kind, year, index),
      figures,
      deadline,
      changeThreshold: thresholdValue / 100,
      changeFloor: floorValue,
      bySex,
    });
    if (!result.ok) return notify({ severity: 'error', key: `stats:workflow.${result.reason}` });
    await write(result.writes, () => {
      notify({ severity: 'success', key: 'stats:rounds.opened' });
      onClose();
    });
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="open-round-title" maxWidth="sm" fullWidth>
      <DialogTitle id="open-round-title">{t('rounds.openTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={2}>
            <TextField select label={t('rounds.periodKind')} value={kind} onChange={(e) => { setKind(e.target.value as PeriodKind); setIndex(1); }} sx={{ minWidth: 140 }} slotProps={{ htmlInput: { 'data-testid': 'round-kind' } }}>
              {(['year', 'half', 'quarter', 'month'] as const).map((k) => (
                <MenuItem key={k} value={k}>
                  {t(`rounds.kinds.${k}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField type="number" label={t('rounds.year')} value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 120 }} />
            {kind !== 'year' ? (
              <TextField select label={t(`rounds.index.${kind}`)} value={index} onChange={(e) => setIndex(Number(e.target.value))} sx={{ width: 120 }}>
                {Array.from({ length: INDEX_COUNT[kind] }, (_, i) => (
                  <MenuItem key={i + 1} value={i + 1}>
                    {i + 1}
                  </MenuItem>
                ))}
              </TextField>
            ) : null}
          </Stack>
          <FormGroup>
            <FormLabel>{t('rounds.figures')}</FormLabel>
            {FIGURES.map((f) => (
              <FormControlLabel
                key={f}
                label={t(`figures.${f}`)}
                control={<Checkbox checked={figures.includes(f)} onChange={(e) => setFigures(e.target.checked ? FIGURES.filter((x) => x === f || figures.includes(x)) : figures.filter((x) => x !== f))} />}
              />
            ))}
          </FormGroup>
          <FormGroup>
            <FormControlLabel
              label={t('rounds.bySex')}
              control={<Checkbox checked={bySex} disabled={!figures.some(isSplitFigure)} onChange={(e) => setBySex(e.target.checked)} slotProps={{ input: { 'data-testid': 'round-by-sex' } as object }} />}
            />
            <FormHelperText>{t('rounds.bySexHelp')}</FormHelperText>
          </FormGroup>
          <DateField lang={lang}
            label={t('rounds.deadline')}
            value={deadline}
            onValueChange={(v) => setDeadline(v)}
            slotProps={{ htmlInput: { 'data-testid': 'round-deadline' } }}
          />
          <TextField
            type="number"
            label={t('rounds.changeThreshold')}
            helperText={t('rounds.changeThresholdHelp')}
            value={threshold}
            onChange={(e) => setThreshold(e.target.value)}
            sx={{ width: '100%', maxWidth: 440 }}
            slotProps={{ htmlInput: { min: 0, max: 1000, dir: 'ltr' } }}
          />
          <TextField
            type="number"
            label={t('rounds.changeFloor')}
            helperText={t('rounds.changeFloorHelp')}
            value={floor}
            error={!floorValid}
            onChange={(e) => setFloor(e.target.value)}
            sx={{ width: '100%', maxWidth: 440 }}
            slotProps={{ htmlInput: { min: 0, step: 1, dir: 'ltr', 'data-testid': 'round-change-floor' } }}
          />
          <FormLabel>{t('rounds.reporting', { count: reporting.length })}</FormLabel>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('cancel')}
        </Button>
        <Button variant="contained" onClick={open} disabled={busy || !valid} data-testid="round-open-confirm">
          {t('rounds.open')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
