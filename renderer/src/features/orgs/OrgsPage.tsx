import SearchIcon from '@mui/icons-material/Search';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputAdornment from '@mui/material/InputAdornment';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ancestorIds } from '../../../../shared/orgs/tree';
import { undoArchiveWrites } from '../../../../shared/orgs/writes';
import { useLanguage, useNotify, useStore } from '../../app/context';
import { storeErrorKey } from '../../store/errors';
import { ArchiveOrgDialog } from './ArchiveOrgDialog';
import { MoveOrgDialog } from './MoveOrgDialog';
import { OrgDetails, type OrgAction } from './OrgDetails';
import { OrgFormDialog } from './OrgFormDialog';
import type { FormMode } from './orgForm';
import { OrgSearchResults } from './OrgSearchResults';
import { OrgsEmpty } from './OrgsEmpty';
import { OrgTree } from './OrgTree';
import { useOrgTree } from './useOrgTree';
import { useStanding } from '../../app/useStanding';
import { ORG_TABLE } from '../../../../shared/orgs/tables';
import { unreachableCount } from './visibleRows';

type Dialog = { kind: 'form'; mode: FormMode } | { kind: 'move'; id: string } | { kind: 'archive'; id: string; restore: boolean } | null;

/**
 * The organisation tree: browse it (tree) or find in it (search list, as you type), see one
 * organisation's details, and create, edit, move, archive. Every change goes through the rules in
 * shared/orgs and is written with store.repo.write, so it syncs like any other change.
 */
export function OrgsPage() {
  const { t } = useTranslation('orgs');
  const store = useStore();
  const notify = useNotify();
  const { lang } = useLanguage();
  const data = useOrgTree();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [showArchived, setShowArchived] = useState(false);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [expandedIds, setExpandedIds] = useState<Set<string> | null>(null);
  // The organisation whose ancestors are kept open: looked up when the tree has it, which for one
  // just created is only after the write has come back through the live query.
  const [reveal, setReveal] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  // The tree is the county's: elsewhere it is for reading.
  const mayEdit = useStanding().canWriteTable(ORG_TABLE.name);
  const [undo, setUndo] = useState<string[] | null>(null);
  // Stable, so the snackbar keeps its Escape listener when the page re-renders in the middle of
  // a key press (another message closing on the same Escape re-renders it).
  const closeUndo = useCallback((_: unknown, reason: string) => reason !== 'clickaway' && setUndo(null), []);

  const root = data?.children.get(null)?.[0];
  // Until the person chooses, the county is selected and open.
  const selectedId = chosenId && data?.byId.has(chosenId) ? chosenId : (root?.id ?? null);
  const expanded = useMemo(() => {
    const base = expandedIds ?? new Set(root ? [root.id] : []);
    return reveal && data ? new Set([...base, ...ancestorIds(data.byId, reveal)]) : base;
  }, [expandedIds, root, reveal, data]);
  const results = useMemo(() => {
    if (!data || deferredQuery.trim() === '') return [];
    return data.index
      .search(deferredQuery)
      .map((id) => data.byId.get(id)!)
      .filter((o) => showArchived || !o.archived);
  }, [data, deferredQuery, showArchived]);

  if (!data) return <CircularProgress aria-label={t('common:loading')} />;

  const select = (id: string) => {
    setChosenId(id);
    // Open the way down to it, so the tree shows it when the search is cleared; what an earlier
    // selection opened stays open.
    setExpandedIds(expanded);
    setReveal(id);
  };
  // After a create or a move, the tree shows where the organisation now sits.
  const showInTree = (id: string) => {
    setQuery('');
    select(id);
  };
  const selected = selectedId ? data.byId.get(selectedId) : undefined;
  const orphans = unreachableCount(data.orgs, data.children);
  const closeDialog = () => setDialog(null);

  const onAction = (action: OrgAction) => {
    if (!selected || !mayEdit) return;
    if (action === 'createChild') setDialog({ kind: 'form', mode: { kind: 'create', parent: selected } });
    else if (action === 'edit') setDialog({ kind: 'form', mode: { kind: 'edit', org: selected } });
    else if (action === 'move') setDialog({ kind: 'move', id: selected.id });
    else setDialog({ kind: 'archive', id: selected.id, restore: action === 'unarchive' });
  };

  async function undoArchive(ids: string[]) {
    setUndo(null);
    try {
      await store.repo.write(undoArchiveWrites(data!.orgs, ids));
      notify({ severity: 'success', key: 'orgs:done.undone' });
    } catch (error) {
      notify({ severity: 'error', key: storeErrorKey(error) });
    }
  }

  const dialogOrg = dialog && dialog.kind !== 'form' ? data.byId.get(dialog.id) : undefined;
  const dialogs = (
    <>
      {dialog?.kind === 'form' ? (
        <OrgFormDialog
          mode={dialog.mode}
          data={data}
          onClose={closeDialog}
          onSaved={(id) => {
            closeDialog();
            showInTree(id);
          }}
        />
      ) : null}
      {dialog?.kind === 'move' && dialogOrg ? (
        <MoveOrgDialog
          org={dialogOrg}
          data={data}
          onClose={closeDialog}
          onMoved={() => {
            closeDialog();
            showInTree(dialogOrg.id);
          }}
        />
      ) : null}
      {dialog?.kind === 'archive' && dialogOrg ? (
        <ArchiveOrgDialog
          org={dialogOrg}
          data={data}
          restore={dialog.restore}
          onClose={closeDialog}
          onArchived={(ids) => {
            closeDialog();
            setUndo(ids);
          }}
          onRestored={closeDialog}
        />
      ) : null}
    </>
  );

  if (!root) {
    return (
      <>
        <OrgsEmpty onCreateCounty={() => setDialog({ kind: 'form', mode: { kind: 'createRoot' } })} />
        {dialogs}
      </>
    );
  }

  return (
    <Stack spacing={2} data-testid="orgs">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 2 }}>
        <Typography variant="h4" component="h1">
          {t('title')}
        </Typography>
        <FormControlLabel
          control={<Switch checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} slotProps={{ input: { 'aria-label': t('showArchived') } }} data-testid="show-archived" />}
          label={t('showArchived')}
        />
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(360px, 1fr) minmax(320px, 1fr)' }, gap: 2, alignItems: 'start' }}>
        <Paper variant="outlined" sx={{ p: 1.5 }}>
          <TextField
            type="search"
            size="small"
            fullWidth
            label={t('search.label')}
            placeholder={t('search.placeholder')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
            slotProps={{
              input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> },
              htmlInput: { dir: 'auto', 'data-testid': 'org-search' },
            }}
          />
          <Box sx={{ maxHeight: 'calc(100vh - 260px)', minHeight: 240, overflow: 'auto', mt: 1 }}>
            {query.trim() !== '' ? (
              <OrgSearchResults results={results} lang={lang} selectedId={selectedId} onPick={(o) => select(o.id)} />
            ) : (
              <OrgTree
                data={data}
                lang={lang}
                showArchived={showArchived}
                expanded={expanded}
                onExpandedChange={(next) => {
                  setExpandedIds(next);
                  setReveal(null);
                }}
                selectedId={selectedId}
                onSelect={setChosenId}
              />
            )}
          </Box>
          {orphans > 0 ? (
            <Alert severity="warning" sx={{ mt: 1 }} data-testid="org-orphans">
              {t('tree.orphans', { count: orphans })}
            </Alert>
          ) : null}
        </Paper>
        {selected ? (
          <OrgDetails org={selected} data={data} lang={lang} onAction={mayEdit ? onAction : undefined} />
        ) : (
          <Typography color="text.secondary">{t('details.noSelection')}</Typography>
        )}
      </Box>
      {dialogs}
      {/* At the start edge, beside the app's own messages (bottom centre) rather than over them. */}
      <Snackbar open={undo !== null} autoHideDuration={10_000} onClose={closeUndo} anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}>
        <Alert
          severity="success"
          variant="filled"
          data-testid="org-archived-message"
          action={
            <Button color="inherit" size="small" onClick={() => undo && void undoArchive(undo)} data-testid="org-undo-archive">
              {t('actions.undo')}
            </Button>
          }
        >
          {t('done.archived', { count: undo?.length ?? 0 })}
        </Alert>
      </Snackbar>
    </Stack>
  );
}
