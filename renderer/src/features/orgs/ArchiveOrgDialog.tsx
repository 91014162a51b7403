import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Org } from '../../../../shared/domain/org';
import { pickText } from '../../../../shared/i18n/lang';
import { archiveOrg, unarchiveOrg } from '../../../../shared/orgs/writes';
import { useLanguage, useNotify } from '../../app/context';
import { useWrite } from '../../app/useWrite';
import type { OrgTreeData } from './useOrgTree';

interface ArchiveOrgDialogProps {
  org: Org;
  data: OrgTreeData;
  /** Archive it (with what is active under it), or bring it back. */
  restore: boolean;
  onClose(): void;
  /** After archiving: exactly which organisations were archived, for the undo. */
  onArchived(archivedIds: string[]): void;
  onRestored(): void;
}

/** Asks before archiving or restoring, saying how many organisations it touches. */
export function ArchiveOrgDialog({ org, data, restore, onClose, onArchived, onRestored }: ArchiveOrgDialogProps) {
  const { t } = useTranslation('orgs');
  const notify = useNotify();
  const { lang } = useLanguage();
  const { busy, write } = useWrite();
  // Decided once, when the dialog opens: what the person confirms is what gets written, and the
  // tree changing under the open dialog (the write itself, a sync) does not change the question.
  const [plan] = useState(() => (restore ? { ...unarchiveOrg(data.orgs, org.id), archivedIds: [] } : archiveOrg(data.orgs, org.id)));
  const name = pickText(org.name, lang).text;

  async function confirm() {
    if (!plan.ok) return;
    const archivedIds = plan.archivedIds;
    await write(plan.writes, () => {
      if (!restore) onArchived(archivedIds);
      else {
        notify({ severity: 'success', key: 'orgs:done.unarchived', values: { name } });
        onRestored();
      }
    });
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="org-archive-title" maxWidth="sm" fullWidth data-testid="org-archive-dialog">
      <DialogTitle id="org-archive-title">{t(restore ? 'archive.unarchiveTitle' : 'archive.title', { name })}</DialogTitle>
      <DialogContent>
        {plan.ok ? (
          <DialogContentText>
            {restore ? t('archive.unarchiveBody') : t('archive.body', { count: plan.archivedIds.length })}
          </DialogContentText>
        ) : (
          <Alert severity="error">{t(`errors.${plan.reason}`)}</Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('actions.cancel')}
        </Button>
        <Button variant="contained" color={restore ? 'primary' : 'warning'} onClick={confirm} disabled={busy || !plan.ok} data-testid="org-archive-confirm">
          {t(restore ? 'archive.unarchiveConfirm' : 'archive.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
