import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatInteger, isolateLtr } from '../../../../shared/i18n/format';
import { localToday } from '../../../../shared/domain/dates';
import { filterAndSort, NO_FILTER, noticeListRows, type NoticeFilter, type NoticeSort, type NoticeSortKey } from '../../../../shared/jobs/list';
import { noticeDay } from '../../../../shared/jobs/notice';
import { restoreWrites } from '../../../../shared/jobs/writes';
import { storeErrorKey } from '../../store/errors';
import { setRouteParams } from '../../app/routes';
import { useLanguage, useNotify, useStore } from '../../app/context';
import { BilingualName } from '../../components/BilingualName';
import { placeOfCommittee } from '../../../../shared/jobs/places';
import { NoticeFormDialog } from './NoticeFormDialog';
import { useStanding } from '../../app/useStanding';
import { NOTICE_TABLE } from '../../../../shared/jobs/tables';
import { StatusChip } from './StatusChip';
import type { JobsData } from './useJobsData';
import { DateField } from '../../components/DateField';

const COLUMNS: { key: NoticeSortKey; numeric?: boolean }[] = [
  { key: 'employer' },
  { key: 'title' },
  { key: 'township' },
  { key: 'openings', numeric: true },
  { key: 'pay', numeric: true },
  { key: 'publishedOn' },
  { key: 'closesOn' },
  { key: 'status' },
  { key: 'placements', numeric: true },
];
const PAGE_SIZES = [25, 50, 100];
const FILTER_STATUSES = ['all', 'draft', 'published', 'expired', 'closed', 'filled'] as const;

/**
 * Every notice, filtered, searched and sorted in memory (a county's few thousand notices take a
 * few milliseconds: bench/jobs.bench.ts), and shown a page at a time so the DOM stays small.
 */
export function NoticeList({ data }: { data: JobsData }) {
  const { t } = useTranslation('jobs');
  const store = useStore();
  const notify = useNotify();
  const { lang } = useLanguage();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<NoticeFilter>(NO_FILTER);
  const [sort, setSort] = useState<NoticeSort>({ key: 'publishedOn', descending: true });
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(25);
  const [creating, setCreating] = useState(false);
  const mayCreate = useStanding().canWriteTable(NOTICE_TABLE.name);
  const deferredQuery = useDeferredValue(query);
  const today = localToday(new Date());

  const rows = useMemo(() => noticeListRows(data.notices, data.placements, data.townshipName, lang, today), [data, lang, today]);
  const shown = useMemo(() => {
    const matching = deferredQuery.trim() ? data.index.matching(deferredQuery) : null;
    return filterAndSort(rows, matching, filter, sort, lang);
  }, [rows, data.index, deferredQuery, filter, sort, lang]);
  const lastPage = Math.max(0, Math.ceil(shown.length / pageSize) - 1);
  const current = Math.min(page, lastPage);
  const pageRows = shown.slice(current * pageSize, (current + 1) * pageSize);
  const setFilterField = <K extends keyof NoticeFilter>(key: K, value: NoticeFilter[K]) => {
    setFilter((f) => ({ ...f, [key]: value }));
    setPage(0);
  };
  const filtered = query.trim() !== '' || JSON.stringify(filter) !== JSON.stringify(NO_FILTER);
  const int = (n: number) => formatInteger(n, lang);
  // Placements whose notice another PC deleted (each PC refuses that locally; sync can still bring it).
  const orphanNotices = [...new Set(data.placements.filter((p) => !data.noticeById.has(p.noticeId)).map((p) => p.noticeId))];
  const restoreOrphans = () =>
    store.repo
      .write(orphanNotices.flatMap((id) => restoreWrites('notice', id, data.county?.code ?? 'LT')))
      .then(() => notify({ severity: 'success', key: 'jobs:orphans.restored', values: { count: orphanNotices.length } }))
      .catch((error: unknown) => notify({ severity: 'error', key: storeErrorKey(error) }));
  const payRange = (min: number | null, max: number | null) => {
    if (min === null && max === null) return '—';
    const text = [min, max].map((p) => (p === null ? '' : formatInteger(p, lang, { bidi: 'plain' }))).join('–');
    return isolateLtr(text, lang);
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField
          label={t('list.search')}
          helperText={t('list.searchHint')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setPage(0);
          }}
          size="small"
          sx={{ minWidth: 260, flexGrow: 1 }}
          slotProps={{ htmlInput: { 'data-testid': 'notice-search', type: 'search' } }}
        />
        <TextField select size="small" label={t('list.status')} value={filter.status} onChange={(e) => setFilterField('status', e.target.value as NoticeFilter['status'])} sx={{ minWidth: 130 }} slotProps={{ htmlInput: { 'data-testid': 'filter-status' } }}>
          {FILTER_STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {s === 'all' ? t('list.all') : t(`status.${s}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label={t('list.township')} value={filter.township} onChange={(e) => setFilterField('township', e.target.value)} sx={{ minWidth: 160 }} slotProps={{ htmlInput: { 'data-testid': 'filter-township' } }}>
          <MenuItem value="all">{t('list.all')}</MenuItem>
          {data.townships.map((o) => (
            <MenuItem key={o.id} value={o.id}>
              <BilingualName text={placeOfCommittee(o.name)} lang={lang} />
            </MenuItem>
          ))}
          <MenuItem value="none">{t('form.noTownship')}</MenuItem>
        </TextField>
        <DateField lang={lang} size="small" label={t('list.from')} value={filter.from} onValueChange={(v) => setFilterField('from', v)} slotProps={{ htmlInput: { 'data-testid': 'filter-from' } }} />
        <DateField lang={lang} size="small" label={t('list.to')} value={filter.to} onValueChange={(v) => setFilterField('to', v)} slotProps={{ htmlInput: { 'data-testid': 'filter-to' } }} />
        {filtered ? (
          <Button
            onClick={() => {
              setQuery('');
              setFilter(NO_FILTER);
            }}
          >
            {t('list.clear')}
          </Button>
        ) : null}
        {mayCreate ? (
          <Button variant="contained" onClick={() => setCreating(true)} data-testid="notice-new">
            {t('actions.new')}
          </Button>
        ) : null}
      </Stack>
      {orphanNotices.length > 0 ? (
        <Alert
          severity="warning"
          data-testid="notice-orphans"
          action={
            <Button color="inherit" onClick={() => void restoreOrphans()} data-testid="notice-orphans-restore">
              {t('orphans.restore')}
            </Button>
          }
        >
          <AlertTitle>{t('orphans.title')}</AlertTitle>
          {t('orphans.body', { count: orphanNotices.length })}
        </Alert>
      ) : null}
      <Typography variant="body2" color="text.secondary" data-testid="notice-count">
        {t('list.count', { n: int(shown.length) })}
      </Typography>
      {data.notices.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 3 }} data-testid="notices-empty">
          <Typography>{t('list.empty')}</Typography>
        </Paper>
      ) : shown.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 3 }} data-testid="notices-no-match">
          <Typography>{t('list.noMatch')}</Typography>
        </Paper>
      ) : (
        <Paper variant="outlined">
          <TableContainer>
            {/* Nine columns fit a 1280 px window in both languages with narrower cell padding; names wrap, figures and dates do not. */}
            <Table size="small" data-testid="notice-table" sx={{ '& .MuiTableCell-root': { px: 1.25 } }}>
              <TableHead>
                <TableRow>
                  {COLUMNS.map((c) => (
                    <TableCell key={c.key} align={c.numeric ? 'right' : 'left'} sortDirection={sort.key === c.key ? (sort.descending ? 'desc' : 'asc') : false}>
                      <TableSortLabel
                        active={sort.key === c.key}
                        direction={sort.key === c.key && sort.descending ? 'desc' : 'asc'}
                        onClick={() => setSort((s) => ({ key: c.key, descending: s.key === c.key ? !s.descending : false }))}
                        data-testid={`sort-${c.key}`}
                      >
                        {t(`list.columns.${c.key}`)}
                      </TableSortLabel>
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {pageRows.map(({ notice, shown: status, placements }) => (
                  <TableRow key={notice.id} hover data-testid="notice-row" data-id={notice.id}>
                    <TableCell sx={{ minWidth: 180 }}>
                      <BilingualName text={notice.employer} lang={lang} />
                    </TableCell>
                    <TableCell sx={{ minWidth: 110 }}>
                      <Link component="button" type="button" onClick={() => setRouteParams('jobs', { view: 'notice', id: notice.id })} sx={{ textAlign: 'start' }} data-testid="notice-open">
                        <BilingualName text={notice.title} lang={lang} />
                      </Link>
                    </TableCell>
                    <TableCell sx={{ minWidth: 120 }}>{notice.townshipId ? <BilingualName text={placeOfCommittee(data.townshipName(notice.townshipId) ?? {})} lang={lang} /> : t('form.noTownship')}</TableCell>
                    <TableCell align="right">{int(notice.openings)}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {payRange(notice.payMin, notice.payMax)}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(noticeDay(notice), lang, 'short')}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(notice.closesOn, lang, 'short')}</TableCell>
                    <TableCell>
                      <StatusChip status={status} />
                    </TableCell>
                    <TableCell align="right">{int(placements)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <TablePagination
            component="div"
            count={shown.length}
            page={current}
            onPageChange={(_e, next) => setPage(next)}
            rowsPerPage={pageSize}
            rowsPerPageOptions={PAGE_SIZES}
            onRowsPerPageChange={(e) => {
              setPageSize(Number(e.target.value));
              setPage(0);
            }}
            labelRowsPerPage={t('list.rowsPerPage')}
            labelDisplayedRows={({ from, to, count }) => t('list.rows', { from: int(from), to: int(to), count: int(count) })}
          />
        </Paper>
      )}
      {creating ? (
        <NoticeFormDialog
          data={data}
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            setRouteParams('jobs', { view: 'notice', id });
          }}
        />
      ) : null}
    </Stack>
  );
}
