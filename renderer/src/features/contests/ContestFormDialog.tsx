import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteOutline from '@mui/icons-material/DeleteOutline';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contestFormProblems, newContestDraft } from '../../../../shared/contests/form';
import { RUBRIC_PRESETS } from '../../../../shared/contests/presets';
import { CONTEST_KINDS, type Contest, type ContestKind } from '../../../../shared/contests/rows';
import { weightsSum } from '../../../../shared/contests/scoring';
import { formatNumber } from '../../../../shared/i18n/format';
import { useLanguage } from '../../app/context';
import { useWrite } from '../../app/useWrite';
import { saveContestWrites } from '../../../../shared/contests/writes';
import { DateField } from '../../components/DateField';

const shortId = () => crypto.randomUUID().replace(/-/g, '').slice(0, 12);
const today = () => new Date().toISOString().slice(0, 10);

/** Create or edit a contest: titles and themes in both languages, window, limits, rubric, tiers, judges. */
export function ContestFormDialog({ initial, scope, onClose }: { initial?: Contest; scope: string; onClose: (savedId?: string) => void }) {
  const { t } = useTranslation('contests');
  const { lang } = useLanguage();
  const { busy, write } = useWrite();
  const [draft, setDraft] = useState<Contest>(() => initial ?? newContestDraft(crypto.randomUUID(), 'essay', today(), new Date().toISOString()));
  const [tried, setTried] = useState(false);
  const problems = contestFormProblems(draft);
  const set = (patch: Partial<Contest>) => setDraft((d) => ({ ...d, ...patch }));
  const num = (value: string) => (value.trim() === '' ? null : Number(value));

  function changeKind(kind: ContestKind) {
    // A new contest takes the kind's preset rubric; an existing one keeps its rubric (scores refer to it).
    set(initial ? { kind } : { kind, criteria: RUBRIC_PRESETS[kind].map((c) => ({ ...c, name: { ...c.name } })), maxPhotos: kind === 'photo' ? 3 : null });
  }

  async function save() {
    setTried(true);
    if (problems.length > 0) return;
    await write(saveContestWrites(draft, scope), () => onClose(draft.id));
  }

  const field = (key: 'titleZh' | 'titleUg' | 'themeZh' | 'themeUg', value: string | undefined, onChange: (v: string) => void, dir: 'ltr' | 'rtl') => (
    <TextField label={t(`form.${key}`)} value={value ?? ''} onChange={(e) => onChange(e.target.value)} slotProps={{ htmlInput: { dir, 'data-testid': `contest-${key}` } }} fullWidth size="small" />
  );

  return (
    <Dialog open onClose={busy ? undefined : () => onClose()} maxWidth="md" fullWidth data-testid="contest-form">
      <DialogTitle>{t(initial ? 'form.editTitle' : 'form.createTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField select label={t('form.kind')} value={draft.kind} onChange={(e) => changeKind(e.target.value as ContestKind)} size="small" slotProps={{ htmlInput: { 'data-testid': 'contest-kind' } }}>
            {CONTEST_KINDS.map((k) => (
              <MenuItem key={k} value={k} data-testid={`contest-kind-${k}`}>
                {t(`kinds.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <Stack direction="row" spacing={1}>
            {field('titleZh', draft.title.zh, (v) => set({ title: { ...draft.title, zh: v } }), 'ltr')}
            {field('titleUg', draft.title.ug, (v) => set({ title: { ...draft.title, ug: v } }), 'rtl')}
          </Stack>
          <Stack direction="row" spacing={1}>
            {field('themeZh', draft.theme.zh, (v) => set({ theme: { ...draft.theme, zh: v } }), 'ltr')}
            {field('themeUg', draft.theme.ug, (v) => set({ theme: { ...draft.theme, ug: v } }), 'rtl')}
          </Stack>
          <Stack direction="row" spacing={1}>
            <DateField lang={lang} label={t('form.opens')} value={draft.opens} onValueChange={(v) => set({ opens: v })} size="small" slotProps={{ htmlInput: { 'data-testid': 'contest-opens' } }} />
            <DateField lang={lang} label={t('form.closes')} value={draft.closes} onValueChange={(v) => set({ closes: v })} size="small" slotProps={{ htmlInput: { 'data-testid': 'contest-closes' } }} />
            <TextField type="number" label={t('form.ageMin')} value={draft.ageMin} onChange={(e) => set({ ageMin: Number(e.target.value) })} size="small" sx={{ width: 110 }} />
            <TextField type="number" label={t('form.ageMax')} value={draft.ageMax} onChange={(e) => set({ ageMax: Number(e.target.value) })} size="small" sx={{ width: 110 }} />
          </Stack>
          <Stack direction="row" spacing={1}>
            {draft.kind === 'essay' && (
              <>
                <TextField type="number" label={t('form.maxChars')} value={draft.maxChars ?? ''} onChange={(e) => set({ maxChars: num(e.target.value) })} size="small" />
                <TextField type="number" label={t('form.maxWords')} value={draft.maxWords ?? ''} onChange={(e) => set({ maxWords: num(e.target.value) })} size="small" />
              </>
            )}
            {draft.kind === 'photo' && (
              <TextField type="number" label={t('form.maxPhotos')} value={draft.maxPhotos ?? ''} onChange={(e) => set({ maxPhotos: num(e.target.value) })} size="small" />
            )}
          </Stack>
          <FormControlLabel control={<Checkbox checked={draft.dropExtremes} onChange={(e) => set({ dropExtremes: e.target.checked })} />} label={t('form.dropExtremes')} />

          <Typography variant="subtitle1" component="h3">
            {t('form.rubric')} · {t('form.weightsSum', { sum: formatNumber(weightsSum(draft), lang) })}
          </Typography>
          {draft.criteria.map((c, i) => (
            <Stack direction="row" spacing={1} key={c.id} data-testid="criterion-row">
              <TextField size="small" label={t('form.criterionZh')} value={c.name.zh ?? ''} onChange={(e) => set({ criteria: draft.criteria.map((x, k) => (k === i ? { ...x, name: { ...x.name, zh: e.target.value } } : x)) })} fullWidth />
              <TextField size="small" label={t('form.criterionUg')} value={c.name.ug ?? ''} slotProps={{ htmlInput: { dir: 'rtl' } }} onChange={(e) => set({ criteria: draft.criteria.map((x, k) => (k === i ? { ...x, name: { ...x.name, ug: e.target.value } } : x)) })} fullWidth />
              <TextField size="small" type="number" label={t('form.weight')} value={c.weight} sx={{ width: 100, flexShrink: 0 }} onChange={(e) => set({ criteria: draft.criteria.map((x, k) => (k === i ? { ...x, weight: Number(e.target.value) } : x)) })} />
              <TextField size="small" type="number" label={t('form.max')} value={c.max} sx={{ width: 100, flexShrink: 0 }} onChange={(e) => set({ criteria: draft.criteria.map((x, k) => (k === i ? { ...x, max: Number(e.target.value) } : x)) })} />
              <IconButton aria-label={t('form.remove')} onClick={() => set({ criteria: draft.criteria.filter((_, k) => k !== i) })}>
                <DeleteOutline />
              </IconButton>
            </Stack>
          ))}
          <Button sx={{ alignSelf: 'start' }} onClick={() => set({ criteria: [...draft.criteria, { id: shortId(), name: {}, weight: 10, max: 10 }] })}>
            {t('form.addCriterion')}
          </Button>

          <Typography variant="subtitle1" component="h3">
            {t('form.tiers')}
          </Typography>
          {draft.tiers.map((tier, i) => (
            <Stack direction="row" spacing={1} key={tier.id}>
              <TextField size="small" label={t('form.tierZh')} value={tier.name.zh ?? ''} onChange={(e) => set({ tiers: draft.tiers.map((x, k) => (k === i ? { ...x, name: { ...x.name, zh: e.target.value } } : x)) })} fullWidth />
              <TextField size="small" label={t('form.tierUg')} value={tier.name.ug ?? ''} slotProps={{ htmlInput: { dir: 'rtl' } }} onChange={(e) => set({ tiers: draft.tiers.map((x, k) => (k === i ? { ...x, name: { ...x.name, ug: e.target.value } } : x)) })} fullWidth />
              <TextField size="small" type="number" label={t('form.count')} value={tier.count} sx={{ width: 100, flexShrink: 0 }} onChange={(e) => set({ tiers: draft.tiers.map((x, k) => (k === i ? { ...x, count: Math.max(0, Math.trunc(Number(e.target.value))) } : x)) })} />
              <IconButton aria-label={t('form.remove')} onClick={() => set({ tiers: draft.tiers.filter((_, k) => k !== i) })}>
                <DeleteOutline />
              </IconButton>
            </Stack>
          ))}
          <Button sx={{ alignSelf: 'start' }} onClick={() => set({ tiers: [...draft.tiers, { id: shortId(), name: {}, count: 1 }] })}>
            {t('form.addTier')}
          </Button>

          <Typography variant="subtitle1" component="h3">
            {t('form.judges')}
          </Typography>
          {draft.judges.map((j, i) => (
            <Stack direction="row" spacing={1} key={j.id}>
              <TextField size="small" label={t('form.judgeName')} value={j.name} onChange={(e) => set({ judges: draft.judges.map((x, k) => (k === i ? { ...x, name: e.target.value } : x)) })} slotProps={{ htmlInput: { 'data-testid': 'judge-name' } }} fullWidth />
              <IconButton aria-label={t('form.remove')} onClick={() => set({ judges: draft.judges.filter((_, k) => k !== i) })}>
                <DeleteOutline />
              </IconButton>
            </Stack>
          ))}
          <Button sx={{ alignSelf: 'start' }} onClick={() => set({ judges: [...draft.judges, { id: shortId(), name: '' }] })} data-testid="add-judge">
            {t('form.addJudge')}
          </Button>
          {tried && problems.length > 0 && (
            <Alert severity="error" data-testid="contest-form-problems">
              {problems.map((p) => (
                <div key={p}>{t(`form.errors.${p}`)}</div>
              ))}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()} disabled={busy}>{t('form.cancel')}</Button>
        <Button variant="contained" onClick={save} disabled={busy} data-testid="contest-save">
          {t('form.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
