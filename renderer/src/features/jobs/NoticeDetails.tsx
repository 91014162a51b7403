import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatInteger, isolateLtr } from '../../../../shared/i18n/format';
import { pickText } from '../../../../shared/i18n/lang';
import { localToday } from '../../../../shared/domain/dates';
import { NOTICE_TRANSITIONS, shownStatus } from '../../../../shared/jobs/notice';
import { maskPhone } from '../../../../shared/jobs/phone';
import type { NoticeStatus, Placement } from '../../../../shared/jobs/rows';
import { closeInsteadWrites, deleteNoticeWrites, deletePlacementWrites, moveNoticeWrites, restoreWrites, type WritesResult } from '../../../../shared/jobs/writes';
import type { WriteSpec } from '../../../../shared/sync/write';
import { setRouteParams } from '../../app/routes';
import { useLanguage, useNotify } from '../../app/context';
import { BilingualName } from '../../components/BilingualName';
import { useWrite } from '../../app/useWrite';
import { NoticeFormDialog } from './NoticeFormDialog';
import { useStanding } from '../../app/useStanding';
import { noticeContact, noticePlace, placeOfCommittee } from '../../../../shared/jobs/places';
import { NOTICE_TABLE } from '../../../../shared/jobs/tables';
import { PlacementDialog } from './PlacementDialog';
import { StatusChip } from './StatusChip';
import type { JobsData } from './useJobsData';

/** The button for a move, by where the notice is and where it goes: a draft is published, a closed notice published again. */
function moveLabel(from: NoticeStatus, to: NoticeStatus): string {
  if (to === 'published') return from === 'draft' ? 'publish' : 'reopen';
  return to === 'closed' ? 'close' : to === 'filled' ? 'fill' : 'publish';
}

export interface UndoOffer {
  key: string;
  values: Record<string, string>;
  undo: WriteSpec[];
}

/** One notice: its facts, its workflow buttons, and the placements it led to. */
export function NoticeDetails({ data, noticeId, onUndoable }: { data: JobsData; noticeId: string; onUndoable(offer: UndoOffer): void }) {
  const { t } = useTranslation('jobs');
  const notify = useNotify();
  const { lang } = useLanguage();
  const [editing, setEditing] = useState(false);
  const [placementDialog, setPlacementDialog] = useState<{ placement?: Placement } | null>(null);
  const [deleting, setDeleting] = useState(false);
  const { busy, write } = useWrite();
  const notice = data.noticeById.get(noticeId);
  const { can } = useStanding();
  const back = () => setRouteParams('jobs', {});
  if (!notice) {
    return (
      <Paper variant="outlined" sx={{ p: 3 }} data-testid="notice-not-found">
        <Typography sx={{ mb: 2 }}>{t('details.notFound')}</Typography>
        <Button onClick={back}>{t('actions.back')}</Button>
      </Paper>
    );
  }
  const today = localToday(new Date());
  // Notices and placements are the county's, or a township's granted jobs, for its own township.
  const mayWrite = can({ table: NOTICE_TABLE.name, row: notice.id, fields: { townshipId: notice.townshipId }, before: notice });
  const placements = [...(data.placementsByNotice.get(notice.id) ?? [])].sort((a, b) => (a.hiredOn < b.hiredOn ? -1 : a.hiredOn > b.hiredOn ? 1 : 0));
  const scope = data.county?.code ?? 'LT';
  const title = pickText(notice.title, lang).text;
  const place = noticePlace(notice);
  const int = (n: number) => formatInteger(n, lang);
  // A range is one left-to-right unit in Uyghur: isolated number by number, "4,000–6,000" would read "6,000–4,000".
  const range = (min: number | null, max: number | null, key: string) => {
    if (min === null && max === null) return t('details.notSet');
    const plain = (n: number | null) => (n === null ? '' : formatInteger(n, lang, { bidi: 'plain' }));
    const text = `${plain(min)}–${plain(max)}`;
    return t(key, { range: isolateLtr(text, lang) });
  };

  async function run(result: WritesResult, done?: () => void) {
    if (!result.ok) {
      notify({ severity: 'error', key: `jobs:errors.${result.reason}` });
      return false;
    }
    return write(result.writes, () => done?.(), { stayOpen: true });
  }

  const move = (to: NoticeStatus) =>
    run(moveNoticeWrites(notice, to, today, scope), () => notify({ severity: 'success', key: 'jobs:done.moved', values: { title, status: t(`status.${to}`) } }));

  const fact = (label: string, value: ReactNode) => (
    <Stack direction="row" spacing={1} key={label}>
      <Typography color="text.secondary" sx={{ minWidth: 120 }}>
        {label}
      </Typography>
      <Typography component="div">{value}</Typography>
    </Stack>
  );

  return (
    <Stack spacing={2} data-testid="notice-details" data-id={notice.id}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <Button onClick={back} data-testid="notice-back">
          {t('actions.back')}
        </Button>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          <BilingualName text={notice.employer} lang={lang} /> · <BilingualName text={notice.title} lang={lang} />
        </Typography>
        <StatusChip status={shownStatus(notice, today)} />
      </Stack>
      {mayWrite ? (
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {NOTICE_TRANSITIONS[notice.status].map((to) => (
          <Button key={to} variant={to === 'published' ? 'contained' : 'outlined'} disabled={busy} onClick={() => void move(to)} data-testid={`notice-move-${to}`}>
            {t(`actions.${moveLabel(notice.status, to)}`)}
          </Button>
        ))}
        <Button disabled={busy} onClick={() => setEditing(true)} data-testid="notice-edit">
          {t('actions.edit')}
        </Button>
        <Button disabled={busy} color="error" onClick={() => setDeleting(true)} data-testid="notice-delete">
          {t('actions.delete')}
        </Button>
      </Stack>
      ) : null}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack spacing={0.5}>
          {fact(t('details.openings'), int(notice.openings))}
          {fact(t('details.pay'), range(notice.payMin, notice.payMax, 'details.payRange'))}
          {fact(t('details.age'), range(notice.ageMin, notice.ageMax, 'details.ageRange'))}
          {fact(t('details.education'), t(`education.${notice.education}`))}
          {fact(t('details.languages'), notice.languages.length ? notice.languages.map((l) => t(`language.${l}`)).join(lang === 'ug' ? '، ' : '、') : t('details.notSet'))}
          {fact(
            t('details.place'),
            <>
              {notice.townshipId ? <BilingualName text={placeOfCommittee(data.townshipName(notice.townshipId) ?? {})} lang={lang} /> : t('form.noTownship')}
              {place.zh || place.ug ? (
                <>
                  {' · '}
                  <BilingualName text={place} lang={lang} />
                </>
              ) : null}
            </>,
          )}
          {fact(
            t('details.contact'),
            <>
              <BilingualName text={noticeContact(notice)} lang={lang} /> <bdi dir="ltr">{notice.contactPhone}</bdi>
            </>,
          )}
          {fact(t('details.publishedOn'), notice.publishedOn ? formatDate(notice.publishedOn, lang) : t('details.notSet'))}
          {fact(t('details.closesOn'), formatDate(notice.closesOn, lang))}
          {fact(t('details.channel'), `${t(`channel.${notice.channel}`)}${notice.issue !== null ? ` · ${t('details.issue')} ${int(notice.issue)}` : ''}`)}
          {(['zh', 'ug'] as const).map((l) =>
            notice.description[l] ? (
              <Typography key={l} lang={l === 'ug' ? 'ug' : 'zh-CN'} dir={l === 'ug' ? 'rtl' : 'ltr'} sx={{ whiteSpace: 'pre-wrap', pt: 1 }}>
                {notice.description[l]}
              </Typography>
            ) : null,
          )}
        </Stack>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h3" sx={{ flexGrow: 1 }}>
            {t('details.placements')} ({int(placements.length)})
          </Typography>
          {mayWrite ? (
            <Button variant="outlined" disabled={busy} onClick={() => setPlacementDialog({})} data-testid="placement-add">
              {t('actions.addPlacement')}
            </Button>
          ) : null}
        </Stack>
        {placements.length === 0 ? (
          <Typography color="text.secondary">{t('details.noPlacements')}</Typography>
        ) : (
          <Table size="small" data-testid="placement-table">
            <TableHead>
              <TableRow>
                <TableCell>{t('placement.name')}</TableCell>
                <TableCell>{t('placement.sex')}</TableCell>
                <TableCell align="right">{t('placement.age')}</TableCell>
                <TableCell>{t('placement.township')}</TableCell>
                <TableCell>{t('placement.hiredOn')}</TableCell>
                <TableCell>{t('report.phone')}</TableCell>
                <TableCell>{t('common:columns.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {placements.map((p) => (
                <TableRow key={p.id} data-testid="placement-row">
                  <TableCell>
                    <bdi>{p.name}</bdi>
                  </TableCell>
                  <TableCell>{t(`sex.${p.sex}`)}</TableCell>
                  <TableCell align="right">{int(p.age)}</TableCell>
                  <TableCell>{p.townshipId ? <BilingualName text={placeOfCommittee(data.townshipName(p.townshipId) ?? {})} lang={lang} /> : t('form.noTownship')}</TableCell>
                  <TableCell>{formatDate(p.hiredOn, lang, 'short')}</TableCell>
                  <TableCell>
                    <bdi dir="ltr" data-testid="placement-phone-masked">
                      {p.phone ? maskPhone(p.phone) : ''}
                    </bdi>
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {mayWrite ? (
                    <>
                    <Button size="small" onClick={() => setPlacementDialog({ placement: p })} data-testid="placement-edit">
                      {t('actions.edit')}
                    </Button>
                    <Button
                      size="small"
                      color="error"
                      onClick={() =>
                        void run({ ok: true, writes: deletePlacementWrites(p, scope) }, () =>
                          onUndoable({ key: 'jobs:placement.deleted', values: { name: p.name }, undo: restoreWrites('placement', p.id, scope) }),
                        )
                      }
                    >
                      {t('placement.delete')}
                    </Button>
                    </>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
      {editing ? <NoticeFormDialog data={data} notice={notice} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} /> : null}
      {placementDialog ? <PlacementDialog data={data} notice={notice} {...placementDialog} onClose={() => setPlacementDialog(null)} /> : null}
      {deleting ? (
        placements.length > 0 ? (
          <Dialog open onClose={() => setDeleting(false)} aria-labelledby="notice-delete-title" data-testid="notice-delete-blocked">
            <DialogTitle id="notice-delete-title">{t('delete.hasPlacementsTitle')}</DialogTitle>
            <DialogContent>
              <DialogContentText>{t('delete.hasPlacements', { count: placements.length, title })}</DialogContentText>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setDeleting(false)} autoFocus>
                {t('actions.cancel')}
              </Button>
              <Button variant="contained" disabled={busy} onClick={() => void run(closeInsteadWrites(notice, scope), () => setDeleting(false))} data-testid="notice-close-instead">
                {t('delete.closeInstead')}
              </Button>
            </DialogActions>
          </Dialog>
        ) : (
          <Dialog open onClose={() => setDeleting(false)} aria-labelledby="notice-delete-title" data-testid="notice-delete-confirm">
            <DialogTitle id="notice-delete-title">{t('delete.title')}</DialogTitle>
            <DialogContent>
              <DialogContentText>{t('delete.body', { title })}</DialogContentText>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setDeleting(false)} autoFocus>
                {t('actions.cancel')}
              </Button>
              <Button
                color="error"
                variant="contained"
                disabled={busy}
                data-testid="notice-delete-yes"
                onClick={() =>
                  void run(deleteNoticeWrites(notice, placements, scope), () => {
                    setDeleting(false);
                    onUndoable({ key: 'jobs:delete.deleted', values: { title }, undo: restoreWrites('notice', notice.id, scope) });
                    back();
                  })
                }
              >
                {t('delete.confirm')}
              </Button>
            </DialogActions>
          </Dialog>
        )
      ) : null}
    </Stack>
  );
}
