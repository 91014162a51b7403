import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Org } from '../../../../shared/domain/org';
import { pickText } from '../../../../shared/i18n/lang';
import { isKindAllowedUnder } from '../../../../shared/orgs/kinds';
import { subtreeIds } from '../../../../shared/orgs/tree';
import { moveSubtree } from '../../../../shared/orgs/writes';
import { useLanguage, useNotify } from '../../app/context';
import { useWrite } from '../../app/useWrite';
import { OrgSearchResults } from './OrgSearchResults';
import type { OrgTreeData } from './useOrgTree';

/**
 * Moves an organisation with everything under it. The new parent is picked from a search list
 * that offers only the organisations that may take it; before anything is written, the person
 * sees how many organisations move and the new code.
 */
export function MoveOrgDialog({ org, data, onClose, onMoved }: { org: Org; data: OrgTreeData; onClose(): void; onMoved(): void }) {
  const { t } = useTranslation('orgs');
  const notify = useNotify();
  const { lang } = useLanguage();
  const [query, setQuery] = useState('');
  const [targetId, setTargetId] = useState<string | null>(null);
  const { busy, write } = useWrite();
  const deferred = useDeferredValue(query);

  const candidates = useMemo(() => {
    const own = new Set(subtreeIds(data.orgs, org.id));
    return data.index
      .search(deferred)
      .map((id) => data.byId.get(id)!)
      .filter((p) => !own.has(p.id) && p.id !== org.parentId && isKindAllowedUnder(org.kind, p.kind) && (org.archived || !p.archived));
  }, [data, deferred, org]);
  const target = targetId ? data.byId.get(targetId) : undefined;
  const plan = target ? moveSubtree(data.orgs, org.id, target.id) : undefined;
  const name = pickText(org.name, lang).text;

  async function move() {
    if (!plan?.ok) return;
    const moved = plan.moved;
    await write(plan.writes, () => {
      notify({ severity: 'success', key: 'orgs:done.moved', values: { count: moved } });
      onMoved();
    });
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="org-move-title" maxWidth="sm" fullWidth data-testid="org-move-dialog">
      <DialogTitle id="org-move-title">{t('move.title', { name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }}>
          <TextField
            type="search"
            label={t('move.search')}
            value={query}
            autoFocus
            onChange={(e) => setQuery(e.target.value)}
            helperText={t('move.hint')}
            slotProps={{ htmlInput: { 'data-testid': 'org-move-search' } }}
          />
          {candidates.length === 0 && deferred === '' ? (
            <Typography color="text.secondary">{t('move.none')}</Typography>
          ) : (
            <Stack sx={{ maxHeight: 320, overflow: 'auto' }}>
              <OrgSearchResults results={candidates} lang={lang} selectedId={targetId} onPick={(p) => setTargetId(p.id)} testId="org-move-results" />
            </Stack>
          )}
          {plan?.ok && target ? (
            <Alert severity="info" data-testid="org-move-summary">
              {t('move.summary', { count: plan.moved, name, parent: pickText(target.name, lang).text, code: plan.code })}
            </Alert>
          ) : null}
          {plan && !plan.ok && !busy ? <Alert severity="error">{t(`errors.${plan.reason}`)}</Alert> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('actions.cancel')}
        </Button>
        <Button variant="contained" onClick={move} disabled={busy || !plan?.ok} data-testid="org-move-confirm">
          {t('move.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
