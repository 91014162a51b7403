import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localToday } from '../../../../shared/domain/dates';
import { ethnicityToStore } from '../../../../shared/domain/ethnicity';
import { isValidPhone } from '../../../../shared/jobs/phone';
import { SEXES, type Notice, type Placement, type Sex } from '../../../../shared/jobs/rows';
import { placeOfCommittee } from '../../../../shared/jobs/places';
import { savePlacementWrites } from '../../../../shared/jobs/writes';
import { useLanguage, useNotify } from '../../app/context';
import { BilingualName } from '../../components/BilingualName';
import { useWrite } from '../../app/useWrite';
import type { JobsData } from './useJobsData';
import { DateField } from '../../components/DateField';
import { EthnicityPicker } from './EthnicityPicker';

interface Props {
  data: JobsData;
  notice: Notice;
  placement?: Placement;
  onClose(): void;
}

/** Records a young person placed through a notice: only what the office needs. */
export function PlacementDialog({ data, notice, placement, onClose }: Props) {
  const { t } = useTranslation('jobs');
  const notify = useNotify();
  const { lang } = useLanguage();
  const [id] = useState(() => placement?.id ?? `placement-${crypto.randomUUID()}`);
  const [name, setName] = useState(placement?.name ?? '');
  const [sex, setSex] = useState<Sex | ''>(placement?.sex ?? '');
  const [age, setAge] = useState(placement ? String(placement.age) : '');
  const [townshipId, setTownshipId] = useState(placement?.townshipId ?? notice.townshipId ?? '');
  const [hiredOn, setHiredOn] = useState(placement?.hiredOn ?? localToday(new Date()));
  // A group's name stored by an older build shows (and is saved) as its code.
  const [ethnicity, setEthnicity] = useState(() => ethnicityToStore(placement?.ethnicity ?? ''));
  const [phone, setPhone] = useState(placement?.phone ?? '');
  const [tried, setTried] = useState(false);
  const { busy, write } = useWrite();
  const ageNumber = /^\s*\d+\s*$/.test(age) ? Number(age) : Number.NaN;
  const problems = {
    name: name.trim() === '' ? 'name-missing' : null,
    sex: sex === '' ? 'placement-invalid' : null,
    age: !(ageNumber >= 14 && ageNumber <= 60) ? 'age-invalid' : null,
    hiredOn: /^\d{4}-\d{2}-\d{2}$/.test(hiredOn) ? null : 'date-invalid',
    phone: phone.trim() !== '' && !isValidPhone(phone) ? 'phone-invalid' : null,
  };
  const shownProblem = (key: keyof typeof problems) => (tried && problems[key] ? { error: true, helperText: t(`errors.${problems[key]}`) } : {});

  async function save() {
    setTried(true);
    if (Object.values(problems).some(Boolean) || sex === '') return;
    const draft: Placement = {
      id,
      noticeId: notice.id,
      name,
      sex,
      age: ageNumber,
      townshipId: townshipId || null,
      hiredOn,
      // An optional field once given is cleared with '' (a merged field cannot be unset).
      ...(ethnicity.trim() || placement?.ethnicity !== undefined ? { ethnicity } : {}),
      ...(phone.trim() || placement?.phone !== undefined ? { phone } : {}),
    };
    const result = savePlacementWrites(draft, placement, new Set(data.noticeById.keys()), data.county?.code ?? 'LT');
    if (!result.ok) {
      notify({ severity: 'error', key: `jobs:errors.${result.reason}` });
      return;
    }
    await write(result.writes, () => {
      notify({ severity: 'success', key: 'jobs:placement.saved', values: { name: name.trim() } });
      onClose();
    });
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="placement-form-title" maxWidth="sm" fullWidth data-testid="placement-form">
      <DialogTitle id="placement-form-title">{placement ? t('placement.editTitle') : t('placement.createTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Alert severity="info">{t('placement.privacy')}</Alert>
          <TextField label={t('placement.name')} value={name} onChange={(e) => setName(e.target.value)} {...shownProblem('name')} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'placement-name' } }} />
          <Stack direction="row" spacing={2}>
            <TextField select label={t('placement.sex')} value={sex} onChange={(e) => setSex(e.target.value as Sex)} {...shownProblem('sex')} sx={{ flex: 1 }} slotProps={{ htmlInput: { 'data-testid': 'placement-sex' } }}>
              {SEXES.map((s) => (
                <MenuItem key={s} value={s} data-testid={`placement-sex-${s}`}>
                  {t(`sex.${s}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField label={t('placement.age')} value={age} onChange={(e) => setAge(e.target.value)} {...shownProblem('age')} sx={{ flex: 1 }} slotProps={{ htmlInput: { dir: 'ltr', inputMode: 'numeric', 'data-testid': 'placement-age' } }} />
          </Stack>
          <Stack direction="row" spacing={2}>
            <TextField select label={t('placement.township')} value={townshipId} onChange={(e) => setTownshipId(e.target.value)} sx={{ flex: 1 }} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
              <MenuItem value="">{t('form.noTownship')}</MenuItem>
              {data.townships.map((o) => (
                <MenuItem key={o.id} value={o.id}>
                  <BilingualName text={placeOfCommittee(o.name)} lang={lang} />
                </MenuItem>
              ))}
            </TextField>
            <DateField lang={lang} label={t('placement.hiredOn')} value={hiredOn} onValueChange={(v) => setHiredOn(v)} {...shownProblem('hiredOn')} sx={{ flex: 1 }} slotProps={{ htmlInput: { 'data-testid': 'placement-hired' } }} />
          </Stack>
          <Stack direction="row" spacing={2}>
            <EthnicityPicker value={ethnicity} onChange={setEthnicity} lang={lang} disabled={busy} />
            <TextField label={t('placement.phone')} value={phone} onChange={(e) => setPhone(e.target.value)} {...shownProblem('phone')} sx={{ flex: 1 }} slotProps={{ htmlInput: { dir: 'ltr', inputMode: 'tel', 'data-testid': 'placement-phone' } }} />
          </Stack>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy} data-testid="placement-cancel">
          {t('actions.cancel')}
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy} data-testid="placement-save">
          {t('actions.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
