import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogTitle from '@mui/material/DialogTitle';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable';
import { essayLength } from '../../../../shared/contests/length';
import type { Entry } from '../../../../shared/contests/rows';
import { formatDate, formatInteger } from '../../../../shared/i18n/format';
import { pickText } from '../../../../shared/i18n/lang';
import { useLanguage, useNotify, useStore } from '../../app/context';
import { storeErrorKey } from '../../store/errors';
import { EntryFormDialog } from './EntryFormDialog';
import { PhotoThumb } from './PhotoThumb';
import { problemText } from './problemText';
import type { ContestData } from './useContestData';
import { setEntryDeletedWrites } from '../../../../shared/contests/writes';

/** The entries of a contest with their checks; add, edit, and delete (confirmed, with undo). */
export function EntriesView({ data, scope }: { data: ContestData; scope: string }) {
  const { t } = useTranslation('contests');
  const store = useStore();
  const notify = useNotify();
  const { lang } = useLanguage();
  const [editing, setEditing] = useState<Entry | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Entry | null>(null);
  const [deleted, setDeleted] = useState<Entry | null>(null);
  const orgName = new Map(data.orgs.map((o) => [o.id, pickText(o.name, lang).text]));

  async function setDeletedFlag(entry: Entry, value: boolean) {
    try {
      await store.repo.write(setEntryDeletedWrites(entry, value, scope));
      setDeleted(value ? entry : null);
    } catch (error) {
      notify({ severity: 'error', key: storeErrorKey(error) });
    }
  }

  return (
    <Stack spacing={2} data-testid="entries">
      <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
        <Button variant="contained" onClick={() => setEditing('new')} data-testid="entry-add">
          {t('entries.add')}
        </Button>
      </Stack>
      <ListTable
        count={data.entries.length}
        empty={t('entries.empty')}
        emptyTestId="entries-empty"
        scroll
        columns={[
          { label: t('entries.code') },
          { label: t('entries.entrant') },
          { label: t('entries.org') },
          { label: t('entries.age'), align: 'right' },
          { label: t('entries.submittedOn') },
          { label: t('entries.entryTitle') },
          { label: data.contest.kind === 'photo' ? t('entries.photos') : t('entries.length') },
          { label: t('entries.checks') },
          {},
        ]}
      >
        {data.entries.map((e) => {
          const problems = data.problems.get(e.id) ?? [];
          const length = e.text ? essayLength(e.text) : null;
          return (
            <TableRow key={e.id} data-testid="entry-row" data-code={e.code}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <bdi dir="ltr">{e.code}</bdi>
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <bdi>{e.entrantName}</bdi>
              </TableCell>
              <TableCell>{e.orgId ? orgName.get(e.orgId) : '—'}</TableCell>
              <TableCell align="right">{formatInteger(e.age, lang)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(e.submittedOn, lang, 'short')}</TableCell>
              <TableCell>
                <bdi>{e.title}</bdi>
              </TableCell>
              <TableCell>
                {data.contest.kind === 'photo' ? (
                  <Stack direction="row" spacing={0.5}>
                    {(e.photos ?? []).slice(0, 4).map((p) => (
                      <PhotoThumb key={p.original} photo={p} size={40} />
                    ))}
                  </Stack>
                ) : length ? (
                  t(length.language === 'zh' ? 'entries.chars' : 'entries.words', { count: formatInteger(length.count, lang) })
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell data-testid="entry-checks" sx={{ maxWidth: 320 }}>
                {problems.length === 0 ? (
                  <Chip size="small" color="success" variant="outlined" label={t('entries.ok')} />
                ) : (
                  <Stack spacing={0.5}>
                    {problems.map((p, i) => (
                      <Chip key={i} size="small" color={p.severity === 'error' ? 'error' : 'warning'} label={problemText(t, lang, p)} data-testid={`problem-${p.code}`} sx={{ height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }} />
                    ))}
                  </Stack>
                )}
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                <Button size="small" onClick={() => setEditing(e)}>
                  {t('entries.edit')}
                </Button>
                <Button size="small" color="error" onClick={() => setDeleting(e)} data-testid="entry-delete">
                  {t('entries.delete')}
                </Button>
              </TableCell>
            </TableRow>
          );
        })}
      </ListTable>
      {editing && <EntryFormDialog data={data} scope={scope} {...(editing === 'new' ? {} : { initial: editing })} onClose={() => setEditing(null)} />}
      <Dialog open={deleting !== null} onClose={() => setDeleting(null)}>
        <DialogTitle>{deleting ? t('entries.deleteConfirm', { code: deleting.code }) : ''}</DialogTitle>
        <DialogActions>
          <Button onClick={() => setDeleting(null)} autoFocus>
            {t('entries.cancel')}
          </Button>
          <Button
            color="error"
            data-testid="entry-delete-confirm"
            onClick={() => {
              const entry = deleting!;
              setDeleting(null);
              void setDeletedFlag(entry, true);
            }}
          >
            {t('entries.delete')}
          </Button>
        </DialogActions>
      </Dialog>
      <Snackbar
        open={deleted !== null}
        autoHideDuration={8000}
        onClose={() => setDeleted(null)}
        message={deleted ? t('entries.deleted', { code: deleted.code }) : ''}
        action={
          <Button color="inherit" size="small" onClick={() => deleted && void setDeletedFlag(deleted, false)} data-testid="entry-undo">
            {t('entries.undo')}
          </Button>
        }
      />
    </Stack>
  );
}
