import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { docxText, plainText } from '../../../../shared/contests/docx';
import { essayLength } from '../../../../shared/contests/length';
import { nextEntryCode } from '../../../../shared/contests/presets';
import type { Entry, EntryPhoto } from '../../../../shared/contests/rows';
import { formatInteger } from '../../../../shared/i18n/format';
import { pickText } from '../../../../shared/i18n/lang';
import { useBridge, useLanguage, useNotify, useStore } from '../../app/context';
import { useWrite } from '../../app/useWrite';
import { storeErrorKey } from '../../store/errors';
import { importPhotos, openedPhotoSources, pickedPhotoSources, type PhotoImportOutcome, type PhotoSource } from './photoImport';
import { PhotoThumb } from './PhotoThumb';
import type { ContestData } from './useContestData';
import { saveEntryWrites } from '../../../../shared/contests/writes';
import { DateField } from '../../components/DateField';

type Draft = Omit<Entry, 'age'> & { age: string };

/** Reasons a chosen photo could not be read that have their own words (`photos.reasons.*`); others read as read-failed. */
const PHOTO_READ_REASONS = new Set<string>(['file-missing', 'unknown-file', 'read-failed', 'no-permission', 'file-too-large', 'file-in-use', 'unsupported']);

/** Register or edit one entry: the entrant, the title, and the essay text, photos or speech notes. */
export function EntryFormDialog({ data, initial, scope, onClose }: { data: ContestData; initial?: Entry; scope: string; onClose: () => void }) {
  const { t } = useTranslation('contests');
  const store = useStore();
  const bridge = useBridge();
  const notify = useNotify();
  const { lang } = useLanguage();
  const { busy, write } = useWrite();
  const { contest } = data;
  const [draft, setDraft] = useState<Draft>(() =>
    initial
      ? { ...initial, age: String(initial.age) }
      : {
          id: crypto.randomUUID(),
          contestId: contest.id,
          code: nextEntryCode(contest.kind, data.entries.map((e) => e.code)),
          entrantName: '',
          sex: null,
          age: '',
          orgId: null,
          title: '',
          submittedOn: new Date().toISOString().slice(0, 10),
          ...(contest.kind === 'essay' ? { text: '' } : {}),
          ...(contest.kind === 'photo' ? { photos: [] } : {}),
        },
  );
  const [tried, setTried] = useState(false);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [photoNotes, setPhotoNotes] = useState<string[]>([]);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const age = Number(draft.age);
  const problems = [
    ...(draft.entrantName.trim() ? [] : ['nameRequired']),
    ...(draft.age.trim() !== '' && Number.isInteger(age) && age >= 0 && age <= 120 ? [] : ['ageRequired']),
    ...(draft.title.trim() ? [] : ['titleRequired']),
  ];

  async function importText() {
    const opened = await bridge.openFiles({ multiple: false, filters: [{ nameKey: 'text', extensions: ['txt', 'docx'] }] });
    if (opened.status !== 'opened' || !opened.files[0]) return;
    const file = opened.files[0];
    if (/\.docx$/i.test(file.name)) {
      const read = docxText(file.data);
      if (!read.ok) return setFileProblem(t(`problems.${read.reason}`));
      set({ text: read.text });
    } else {
      set({ text: plainText(file.data) });
    }
    setFileProblem(null);
  }

  /** Chosen files are read one at a time (pickFiles); a shell without it hands over all bytes at once. */
  async function choosePhotos(): Promise<PhotoSource[] | null> {
    const request = { multiple: true, filters: [{ nameKey: 'images' as const, extensions: ['jpg', 'jpeg', 'png'] }] };
    if (bridge.pickFiles && bridge.readPickedFile) {
      const picked = await bridge.pickFiles(request);
      if (picked.status === 'error') notify({ severity: 'error', key: `errors:bridge.${picked.reason}` });
      return picked.status === 'picked' ? pickedPhotoSources(bridge, picked.files) : null;
    }
    const opened = await bridge.openFiles(request);
    if (opened.status === 'error') notify({ severity: 'error', key: `errors:bridge.${opened.reason}` });
    return opened.status === 'opened' ? openedPhotoSources(opened.files) : null;
  }

  async function addPhotos() {
    const sources = await choosePhotos();
    if (!sources || sources.length === 0) return;
    setProgress({ done: 0, total: sources.length });
    const taken = new Set([...data.entries.filter((e) => e.id !== draft.id).flatMap((e) => e.photos ?? []), ...(draft.photos ?? [])].map((p) => p.original));
    let outcome: PhotoImportOutcome;
    try {
      outcome = await importPhotos(store, sources, taken, (done, total) => setProgress({ done, total }));
    } catch (error) {
      setProgress(null);
      return notify({ severity: 'error', key: storeErrorKey(error) });
    }
    setProgress(null);
    setDraft((d) => ({ ...d, photos: [...(d.photos ?? []), ...outcome.photos] }));
    setPhotoNotes([
      ...outcome.duplicates.map((name) => t('photos.duplicate', { name })),
      ...outcome.unreadable.map((name) => t('photos.unreadable', { name })),
      ...outcome.failed.map(({ name, reason }) => t('photos.failed', { name, reason: t(`photos.reasons.${PHOTO_READ_REASONS.has(reason) ? reason : 'read-failed'}`) })),
    ]);
  }

  async function save() {
    setTried(true);
    if (problems.length > 0) return;
    await write(saveEntryWrites({ ...draft, age }, scope), onClose);
  }

  const length = draft.text ? essayLength(draft.text) : null;
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="md" fullWidth data-testid="entry-form">
      <DialogTitle>
        {t('entries.add')} · <bdi dir="ltr">{draft.code}</bdi>
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={1}>
            <TextField size="small" label={t('entries.entrant')} value={draft.entrantName} onChange={(e) => set({ entrantName: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'entry-name', dir: 'auto' } }} fullWidth />
            <TextField select size="small" label={t('entries.sex')} value={draft.sex ?? ''} onChange={(e) => set({ sex: e.target.value === '' ? null : (e.target.value as 'f' | 'm') })} sx={{ minWidth: 100 }}>
              <MenuItem value="">{t('entries.sexes.none')}</MenuItem>
              <MenuItem value="f">{t('entries.sexes.f')}</MenuItem>
              <MenuItem value="m">{t('entries.sexes.m')}</MenuItem>
            </TextField>
            <TextField size="small" type="number" label={t('entries.age')} value={draft.age} onChange={(e) => set({ age: e.target.value })} sx={{ width: 100 }} slotProps={{ htmlInput: { 'data-testid': 'entry-age' } }} />
          </Stack>
          <Stack direction="row" spacing={1}>
            <TextField select size="small" label={t('entries.org')} value={draft.orgId ?? ''} onChange={(e) => set({ orgId: e.target.value || null })} fullWidth slotProps={{ htmlInput: { 'data-testid': 'entry-org' } }}>
              <MenuItem value="">{t('entries.noOrg')}</MenuItem>
              {data.townships.map((o) => (
                <MenuItem key={o.id} value={o.id}>
                  {pickText(o.name, lang).text}
                </MenuItem>
              ))}
            </TextField>
            <TextField size="small" label={t('entries.phone')} value={draft.phone ?? ''} onChange={(e) => set({ phone: e.target.value })} slotProps={{ htmlInput: { dir: 'ltr', inputMode: 'tel' } }} />
            <DateField lang={lang} size="small" label={t('entries.submittedOn')} value={draft.submittedOn} onValueChange={(v) => set({ submittedOn: v })} slotProps={{ htmlInput: { 'data-testid': 'entry-date' } }} />
          </Stack>
          <TextField size="small" label={t('entries.entryTitle')} value={draft.title} onChange={(e) => set({ title: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'entry-title', dir: 'auto' } }} />
          {contest.kind === 'essay' && (
            <>
              <TextField
                label={t('entries.text')}
                value={draft.text ?? ''}
                onChange={(e) => set({ text: e.target.value })}
                multiline
                minRows={6}
                maxRows={16}
                slotProps={{ htmlInput: { 'data-testid': 'entry-text', dir: 'auto' } }}
                helperText={length ? t(length.language === 'zh' ? 'entries.chars' : 'entries.words', { count: formatInteger(length.count, lang) as unknown as number }) : ' '}
              />
              <Button sx={{ alignSelf: 'start' }} onClick={importText} data-testid="entry-import-text">
                {t('entries.importText')}
              </Button>
              {fileProblem && <Alert severity="error">{fileProblem}</Alert>}
            </>
          )}
          {contest.kind === 'speech' && (
            <TextField label={t('entries.notes')} value={draft.notes ?? ''} onChange={(e) => set({ notes: e.target.value })} multiline minRows={3} slotProps={{ htmlInput: { dir: 'auto' } }} />
          )}
          {contest.kind === 'photo' && (
            <>
              <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }} data-testid="entry-photos">
                {(draft.photos ?? []).map((p: EntryPhoto) => (
                  <PhotoThumb key={p.original} photo={p} size={96} />
                ))}
              </Stack>
              <Button sx={{ alignSelf: 'start' }} onClick={addPhotos} disabled={progress !== null} data-testid="entry-add-photos">
                {t('entries.addPhotos')}
              </Button>
              {progress && (
                <Stack spacing={0.5} data-testid="photo-progress">
                  <Typography variant="body2">{t('photos.importing', { done: formatInteger(progress.done, lang), total: formatInteger(progress.total, lang) })}</Typography>
                  <LinearProgress variant="determinate" value={progress.total ? (100 * progress.done) / progress.total : 0} />
                </Stack>
              )}
              {photoNotes.length > 0 && (
                <Alert severity="warning" data-testid="photo-notes">
                  {photoNotes.map((n) => (
                    <div key={n}>{n}</div>
                  ))}
                </Alert>
              )}
            </>
          )}
          {tried && problems.length > 0 && (
            <Alert severity="error" data-testid="entry-form-problems">
              {problems.map((p) => (
                <div key={p}>{t(`entries.${p}`)}</div>
              ))}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>{t('entries.cancel')}</Button>
        <Button variant="contained" onClick={save} disabled={busy || progress !== null} data-testid="entry-save">
          {t('entries.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
