import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/i18n/format';
import { pickText } from '../../../../shared/i18n/lang';
import { localToday } from '../../../../shared/domain/dates';
import { findDuplicates, noticeDay, shownStatus, validateNotice, cleanNotice, type NoticeField } from '../../../../shared/jobs/notice';
import { EDUCATION_LEVELS, NOTICE_CHANNELS, type Notice } from '../../../../shared/jobs/rows';
import { placeOfCommittee } from '../../../../shared/jobs/places';
import { saveNoticeWrites } from '../../../../shared/jobs/writes';
import { NOTICE_TABLE } from '../../../../shared/jobs/tables';
import { useStanding } from '../../app/useStanding';
import { useLanguage, useNotify } from '../../app/context';
import { BilingualName } from '../../components/BilingualName';
import { useWrite } from '../../app/useWrite';
import { formStateOf, noticeOf, type NoticeFormState } from './noticeForm';
import type { JobsData } from './useJobsData';
import { DateField } from '../../components/DateField';

interface Props {
  data: JobsData;
  /** The notice to edit; absent to create one. */
  notice?: Notice;
  onClose(): void;
  onSaved(id: string): void;
}

/**
 * Create or edit a notice, every text in both languages (each typed in its own direction). Problems
 * show on their fields once the person has tried to save. A notice that repeats one from the same
 * employer with the same title within 30 days is shown with its twins first; saving then needs a
 * second, deliberate click.
 */
export function NoticeFormDialog({ data, notice, onClose, onSaved }: Props) {
  const { t } = useTranslation('jobs');
  const notify = useNotify();
  const { lang } = useLanguage();
  const today = localToday(new Date());
  // The townships this PC may publish for (a township officer: its own); "no township" is the county's.
  const { can } = useStanding();
  const mayPlace = (townshipId: string | null) => can({ table: NOTICE_TABLE.name, row: notice?.id, fields: { townshipId }, before: notice });
  const townships = data.townships.filter((o) => mayPlace(o.id));
  const countyWide = mayPlace(null);
  const [state, setState] = useState<NoticeFormState>(() => formStateOf(notice, today));
  // A new notice on a PC that may publish for one township only is that township's (once the
  // standing and the organisations are read, which may follow the first render).
  const onlyTownship = !countyWide && townships.length === 1 ? townships[0]!.id : undefined;
  useEffect(() => {
    if (notice === undefined && onlyTownship !== undefined) setState((s) => (s.townshipId === '' ? { ...s, townshipId: onlyTownship } : s));
  }, [notice, onlyTownship]);
  const [id] = useState(() => notice?.id ?? `notice-${crypto.randomUUID()}`);
  const [tried, setTried] = useState(false);
  const { busy, write } = useWrite();
  const [acceptedDuplicates, setAcceptedDuplicates] = useState<string | null>(null);
  const draft = noticeOf(state, id, notice, today);
  const issues = tried ? validateNotice(cleanNotice(draft)) : [];
  const duplicates = findDuplicates(cleanNotice(draft), data.notices);
  const duplicateKey = duplicates.map((d) => d.id).join(',');
  const issueOf = (field: NoticeField) => issues.find((i) => i.field === field);
  const fieldProps = (field: NoticeField, hint?: string) => {
    const issue = issueOf(field);
    return { error: issue !== undefined, helperText: issue ? t(`errors.${issue.reason}`) : hint };
  };
  const set = <K extends keyof NoticeFormState>(key: K) => (value: NoticeFormState[K]) => setState((s) => ({ ...s, [key]: value }));
  const text = (key: keyof NoticeFormState, dir: 'ltr' | 'rtl', testId: string, extra: object = {}) => ({
    value: state[key] as string,
    onChange: (e: { target: { value: string } }) => set(key)(e.target.value as never),
    slotProps: { htmlInput: { dir, lang: dir === 'rtl' ? 'ug' : 'zh-CN', 'data-testid': testId, ...extra } },
  });

  async function save() {
    setTried(true);
    const result = saveNoticeWrites(draft, notice, data.county?.code ?? 'LT');
    if (!result.ok) {
      notify({ severity: 'error', key: `jobs:errors.${result.reason}` });
      return;
    }
    if (duplicates.length > 0 && acceptedDuplicates !== duplicateKey) {
      setAcceptedDuplicates(duplicateKey);
      return;
    }
    if (result.writes.length === 0) {
      notify({ severity: 'info', key: 'jobs:done.nothingChanged' });
      onClose();
      return;
    }
    await write(result.writes, () => {
      notify({ severity: 'success', key: notice ? 'jobs:done.saved' : 'jobs:done.created', values: { title: pickText(draft.title, lang).text } });
      onSaved(id);
    });
  }

  const warnDuplicates = duplicates.length > 0 && acceptedDuplicates === duplicateKey;
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="notice-form-title" maxWidth="md" fullWidth data-testid="notice-form">
      <DialogTitle id="notice-form-title">{notice ? t('form.editTitle') : t('form.createTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {warnDuplicates ? (
            <Alert severity="warning" data-testid="notice-duplicates">
              <AlertTitle>{t('duplicate.title')}</AlertTitle>
              {t('duplicate.body')}
              <ul>
                {duplicates.map((d) => (
                  <li key={d.id}>
                    {t('duplicate.item', {
                      employer: pickText(d.employer, lang).text,
                      title: pickText(d.title, lang).text,
                      date: formatDate(noticeDay(d), lang, 'long'),
                      status: t(`status.${shownStatus(d, today)}`),
                    })}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <Typography variant="body2" color="text.secondary">
            {t('form.bothLanguagesHint')}
          </Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField label={t('form.employerZh')} fullWidth {...text('employerZh', 'ltr', 'notice-employer-zh')} {...fieldProps('employer')} />
            <TextField label={t('form.employerUg')} fullWidth {...text('employerUg', 'rtl', 'notice-employer-ug')} error={issueOf('employer') !== undefined} />
          </Stack>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField label={t('form.titleZh')} fullWidth {...text('titleZh', 'ltr', 'notice-title-zh')} {...fieldProps('title')} />
            <TextField label={t('form.titleUg')} fullWidth {...text('titleUg', 'rtl', 'notice-title-ug')} error={issueOf('title') !== undefined} />
          </Stack>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField label={t('form.descriptionZh')} fullWidth multiline minRows={2} {...text('descriptionZh', 'ltr', 'notice-description-zh')} />
            <TextField label={t('form.descriptionUg')} fullWidth multiline minRows={2} {...text('descriptionUg', 'rtl', 'notice-description-ug')} />
          </Stack>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField select label={t('form.township')} value={state.townshipId} onChange={(e) => set('townshipId')(e.target.value)} sx={{ flex: 1 }} slotProps={{ htmlInput: { 'data-testid': 'notice-township' }, select: { displayEmpty: countyWide }, inputLabel: { shrink: true } }}>
              {countyWide ? <MenuItem value="">{t('form.noTownship')}</MenuItem> : null}
              {townships.map((o) => (
                <MenuItem key={o.id} value={o.id}>
                  <BilingualName text={placeOfCommittee(o.name)} lang={lang} />
                </MenuItem>
              ))}
            </TextField>
            <TextField label={t('form.openings')} sx={{ width: 140 }} {...text('openings', 'ltr', 'notice-openings', { inputMode: 'numeric' })} {...fieldProps('openings')} />
          </Stack>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField label={t('form.placeZh')} fullWidth {...text('placeZh', 'ltr', 'notice-place-zh')} helperText={t('form.placeHint')} />
            <TextField label={t('form.placeUg')} fullWidth {...text('placeUg', 'rtl', 'notice-place-ug')} />
          </Stack>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            {/* The pay labels are the longest in Uyghur: those fields take more of the row than the ages. */}
            <TextField label={t('form.ageMin')} sx={{ flex: 1 }} {...text('ageMin', 'ltr', 'notice-age-min', { inputMode: 'numeric' })} {...fieldProps('age')} />
            <TextField label={t('form.ageMax')} sx={{ flex: 1 }} {...text('ageMax', 'ltr', 'notice-age-max', { inputMode: 'numeric' })} error={issueOf('age') !== undefined} />
            <TextField label={t('form.payMin')} sx={{ flex: 1.5 }} {...text('payMin', 'ltr', 'notice-pay-min', { inputMode: 'numeric' })} {...fieldProps('pay')} />
            <TextField label={t('form.payMax')} sx={{ flex: 1.5 }} {...text('payMax', 'ltr', 'notice-pay-max', { inputMode: 'numeric' })} error={issueOf('pay') !== undefined} />
          </Stack>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
            <TextField select label={t('form.education')} value={state.education} onChange={(e) => set('education')(e.target.value as NoticeFormState['education'])} sx={{ minWidth: 180 }} slotProps={{ htmlInput: { 'data-testid': 'notice-education' } }}>
              {EDUCATION_LEVELS.map((level) => (
                <MenuItem key={level} value={level}>
                  {t(`education.${level}`)}
                </MenuItem>
              ))}
            </TextField>
            <FormGroup row>
              <FormLabel component="legend" sx={{ alignSelf: 'center', mr: 2 }}>
                {t('form.languages')}
              </FormLabel>
              <FormControlLabel control={<Checkbox checked={state.langZh} onChange={(e) => set('langZh')(e.target.checked)} />} label={t('language.zh')} />
              <FormControlLabel control={<Checkbox checked={state.langUg} onChange={(e) => set('langUg')(e.target.checked)} />} label={t('language.ug')} />
            </FormGroup>
          </Stack>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField label={t('form.contactZh')} sx={{ flex: 1 }} {...text('contactZh', 'ltr', 'notice-contact-name')} {...fieldProps('contactName')} />
            <TextField label={t('form.contactUg')} sx={{ flex: 1 }} {...text('contactUg', 'rtl', 'notice-contact-name-ug')} error={issueOf('contactName') !== undefined} />
            <TextField label={t('form.contactPhone')} sx={{ flex: 1 }} {...text('contactPhone', 'ltr', 'notice-contact-phone', { inputMode: 'tel' })} {...fieldProps('contactPhone', t('form.phoneHint'))} />
          </Stack>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <DateField lang={lang} label={t('form.closesOn')} value={state.closesOn} onValueChange={(v) => set('closesOn')(v)} {...fieldProps('closesOn')} slotProps={{ htmlInput: { 'data-testid': 'notice-closes' } }} />
            <TextField select label={t('form.channel')} value={state.channel} onChange={(e) => set('channel')(e.target.value as NoticeFormState['channel'])} sx={{ minWidth: 180 }} slotProps={{ htmlInput: { 'data-testid': 'notice-channel' } }}>
              {NOTICE_CHANNELS.map((c) => (
                <MenuItem key={c} value={c}>
                  {t(`channel.${c}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField label={t('form.issue')} {...text('issue', 'ltr', 'notice-issue', { inputMode: 'numeric' })} {...fieldProps('issue', t('form.issueHint'))} />
          </Stack>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy} data-testid="notice-cancel">
          {t('actions.cancel')}
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy} data-testid="notice-save" color={warnDuplicates ? 'warning' : 'primary'}>
          {warnDuplicates ? t('duplicate.saveAnyway') : t('actions.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
