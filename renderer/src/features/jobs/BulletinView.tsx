import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/i18n/format';
import { LANG_SELF_NAMES, LANGS, directionOf, type Lang } from '../../../../shared/i18n/lang';
import { buildBulletin, bulletinText, issueOfNotices } from '../../../../shared/jobs/bulletin';
import { localToday } from '../../../../shared/domain/dates';
import { noticeDay, shownStatus } from '../../../../shared/jobs/notice';
import { useBridge, useLanguage, useNotify } from '../../app/context';
import { BilingualName } from '../../components/BilingualName';
import { storeErrorKey } from '../../store/errors';
import { useSaveReport } from '../../components/useSaveAndReport';
import { canvasPng, drawBulletinImage } from './bulletinImage';
import { JOBS_LOCALES } from './jobsLocales';
import { StatusChip } from './StatusChip';
import type { JobsData } from './useJobsData';

const PICK_LIMIT = 40;
type Output = 'text' | 'image' | 'pdf';

/**
 * The WeChat digest: pick notices (open ones are picked to start with), choose the language, then
 * take the text (copy), a long image (preview, then save) or a PDF (the preview below, printed).
 */
export function BulletinView({ data }: { data: JobsData }) {
  const { t } = useTranslation('jobs');
  const bridge = useBridge();
  const notify = useNotify();
  const { lang: uiLang } = useLanguage();
  const report = useSaveReport();
  const today = localToday(new Date());
  const [query, setQuery] = useState('');
  const candidates = useMemo(() => {
    const matching = query.trim() ? data.index.matching(query) : null;
    return data.notices
      .filter((n) => n.status !== 'draft' && (!matching || matching.has(n.id)))
      .sort((a, b) => (noticeDay(a) < noticeDay(b) ? 1 : noticeDay(a) > noticeDay(b) ? -1 : a.id < b.id ? -1 : 1))
      .slice(0, PICK_LIMIT);
  }, [data, query]);
  const [picked, setPicked] = useState<string[]>(() => data.notices.filter((n) => shownStatus(n, today) === 'published').map((n) => n.id));
  const [lang, setLang] = useState<Lang>(uiLang);
  // Typed by the person (kept as typed); until then, the picked notices' own issue number.
  const [typedIssue, setIssue] = useState<string | null>(null);
  const [output, setOutput] = useState<Output>('text');
  const [image, setImage] = useState<{ url: string; png: Uint8Array; height: number } | null>(null);
  const [busy, setBusy] = useState(false);

  const notices = picked.map((id) => data.noticeById.get(id)).filter((n) => n !== undefined);
  const noticesIssue = issueOfNotices(notices);
  const issue = typedIssue ?? (noticesIssue === null ? '' : String(noticesIssue));
  const issueNumber = /^\d+$/.test(issue.trim()) ? Number(issue) : null;
  const bulletin = useMemo(
    () => buildBulletin({ notices, lang, locales: JOBS_LOCALES, issue: issueNumber, countyName: data.county?.name ?? {}, townshipName: data.townshipName }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [picked.join(','), data, lang, issueNumber],
  );
  const text = bulletinText(bulletin);
  const base = `bulletin-${issueNumber ?? today}-${lang}`;
  const dir = directionOf(lang);

  // A new choice makes the old picture stale.
  useEffect(() => setImage(null), [bulletin]);
  useEffect(() => () => (image ? URL.revokeObjectURL(image.url) : undefined), [image]);

  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      notify({ severity: 'success', key: 'jobs:bulletin.copied' });
    } catch {
      notify({ severity: 'warning', key: 'jobs:bulletin.copyFailed' });
    }
  }

  async function makeImage() {
    setBusy(true);
    try {
      const drawn = await drawBulletinImage(bulletin);
      if (!drawn.ok) {
        notify({ severity: 'warning', key: 'jobs:bulletin.tooLong' });
        return;
      }
      const png = await canvasPng(drawn.canvas);
      setImage({ url: URL.createObjectURL(new Blob([png as BlobPart], { type: 'image/png' })), png, height: drawn.height });
    } catch (error) {
      notify({ severity: 'error', key: storeErrorKey(error) });
    } finally {
      setBusy(false);
    }
  }

  async function saveImage() {
    if (!image) return;
    setBusy(true);
    try {
      report(await bridge.saveFile({ suggestedName: `${base}.png`, data: image.png, filters: [{ nameKey: 'png', extensions: ['png'] }] }));
    } finally {
      setBusy(false);
    }
  }

  async function savePdf() {
    setBusy(true);
    try {
      const result = await bridge.printToPdf({ suggestedName: `${base}.pdf` });
      if (result.status !== 'cancelled') report(result);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack spacing={2} data-testid="jobs-bulletin">
      <Paper variant="outlined" sx={{ p: 2 }} className="no-print">
        <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
          {t('bulletin.pick')}
        </Typography>
        <TextField size="small" label={t('list.search')} value={query} onChange={(e) => setQuery(e.target.value)} sx={{ mb: 1, minWidth: 260 }} slotProps={{ htmlInput: { type: 'search', 'data-testid': 'bulletin-search' } }} />
        <Box sx={{ maxHeight: 260, overflowY: 'auto' }}>
          <Table size="small">
            <TableBody>
              {candidates.map((n) => (
                <TableRow key={n.id} hover data-testid="bulletin-candidate" data-id={n.id}>
                  <TableCell padding="checkbox">
                    <Checkbox checked={picked.includes(n.id)} onChange={() => toggle(n.id)} slotProps={{ input: { 'aria-label': `${n.title.zh ?? ''} ${n.title.ug ?? ''}`.trim() } }} data-testid="bulletin-pick" />
                  </TableCell>
                  <TableCell>
                    <BilingualName text={n.employer} lang={uiLang} /> · <BilingualName text={n.title} lang={uiLang} />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(noticeDay(n), uiLang, 'short')}</TableCell>
                  <TableCell>
                    <StatusChip status={shownStatus(n, today)} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
        <Stack direction="row" spacing={2} useFlexGap sx={{ mt: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography data-testid="bulletin-selected">{t('bulletin.selected', { count: notices.length })}</Typography>
          <ToggleButtonGroup exclusive size="small" value={lang} onChange={(_e, next: Lang | null) => next && setLang(next)} aria-label={t('bulletin.language')}>
            {LANGS.map((l) => (
              <ToggleButton key={l} value={l} data-testid={`bulletin-lang-${l}`}>
                {LANG_SELF_NAMES[l]}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          <TextField size="small" label={t('bulletin.issue')} value={issue} onChange={(e) => setIssue(e.target.value)} sx={{ width: 120 }} slotProps={{ htmlInput: { dir: 'ltr', inputMode: 'numeric', 'data-testid': 'bulletin-issue' } }} />
        </Stack>
      </Paper>
      {notices.length === 0 ? (
        <Alert severity="info" className="no-print" data-testid="bulletin-none">
          {picked.length === 0 && candidates.length > 0 ? t('bulletin.noneSelected') : t('bulletin.noneOpen')}
        </Alert>
      ) : (
        <>
          <Tabs value={output} onChange={(_e, next: Output) => setOutput(next)} className="no-print">
            <Tab value="text" label={t('bulletin.text')} data-testid="bulletin-tab-text" />
            <Tab value="image" label={t('bulletin.image')} data-testid="bulletin-tab-image" />
            <Tab value="pdf" label="PDF" data-testid="bulletin-tab-pdf" />
          </Tabs>
          {output === 'text' ? (
            <Paper variant="outlined" sx={{ p: 2 }}>
              <Button variant="contained" onClick={() => void copy()} sx={{ mb: 1 }} data-testid="bulletin-copy">
                {t('bulletin.copy')}
              </Button>
              <TextField multiline fullWidth minRows={10} maxRows={30} value={text} slotProps={{ htmlInput: { readOnly: true, dir, lang, 'data-testid': 'bulletin-text' } }} />
            </Paper>
          ) : output === 'image' ? (
            <Paper variant="outlined" sx={{ p: 2 }}>
              <Stack direction="row" spacing={1} sx={{ mb: 2 }}>
                <Button variant={image ? 'outlined' : 'contained'} disabled={busy} onClick={() => void makeImage()} data-testid="bulletin-make-image">
                  {t('bulletin.makeImage')}
                </Button>
                <Button variant="contained" disabled={busy || !image} onClick={() => void saveImage()} data-testid="bulletin-save-image">
                  {t('bulletin.saveImage')}
                </Button>
              </Stack>
              {image ? (
                <Box sx={{ maxHeight: 640, overflowY: 'auto', border: 1, borderColor: 'divider', width: 380, maxWidth: '100%' }}>
                  <img src={image.url} alt={t('bulletin.preview')} style={{ width: '100%', display: 'block' }} data-testid="bulletin-image" data-height={image.height} />
                </Box>
              ) : null}
            </Paper>
          ) : (
            <Paper variant="outlined" sx={{ p: 2 }}>
              <Button variant="contained" disabled={busy} onClick={() => void savePdf()} sx={{ mb: 2 }} className="no-print" data-testid="bulletin-save-pdf">
                {t('bulletin.savePdf')}
              </Button>
              <Box lang={lang} dir={dir} data-testid="bulletin-print" sx={{ maxWidth: '180mm', '& h2': { color: '#b71c1c' }, '& section': { breakInside: 'avoid', borderBottom: 1, borderColor: 'divider', py: 1 } }}>
                <Typography variant="h5" component="h2">
                  {bulletin.heading}
                </Typography>
                {bulletin.entries.map((entry) => (
                  <section key={entry.noticeId}>
                    <Typography variant="h6" component="h3">
                      {entry.employer} · {entry.title}
                    </Typography>
                    {entry.lines.map((line, i) => (
                      <Typography key={i}>{line}</Typography>
                    ))}
                    {entry.description ? <Typography sx={{ whiteSpace: 'pre-wrap', color: 'text.secondary' }}>{entry.description}</Typography> : null}
                  </section>
                ))}
                <Typography sx={{ mt: 2, color: 'text.secondary' }}>{bulletin.footer}</Typography>
              </Box>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}
