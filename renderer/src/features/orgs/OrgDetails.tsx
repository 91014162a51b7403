import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Org } from '../../../../shared/domain/org';
import { formatDate, formatInteger, NO_VALUE } from '../../../../shared/i18n/format';
import type { Lang } from '../../../../shared/i18n/lang';
import { canHaveChildren } from '../../../../shared/orgs/kinds';
import { subtreeIds } from '../../../../shared/orgs/tree';
import { BilingualName } from '../../components/BilingualName';
import type { OrgTreeData } from './useOrgTree';

export type OrgAction = 'createChild' | 'edit' | 'move' | 'archive' | 'unarchive';

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <Typography component="dt" color="text.secondary" variant="body2">
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0, minWidth: 0, overflowWrap: 'anywhere' }} data-testid={testId}>
        {children}
      </Typography>
    </>
  );
}

/** Everything about one organisation, and what can be done with it. */
/** `onAction` absent: this PC may not edit the tree (only the county's PC does), and no action is offered. */
export function OrgDetails({ org, data, lang, onAction }: { org: Org; data: OrgTreeData; lang: Lang; onAction?: (action: OrgAction) => void }) {
  const { t } = useTranslation('orgs');
  const parent = org.parentId === null ? undefined : data.byId.get(org.parentId);
  const direct = data.children.get(org.id)?.length ?? 0;
  const total = subtreeIds(data.orgs, org.id).length - 1;
  const isRoot = org.parentId === null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="org-details" data-code={org.code}>
      <Stack spacing={2}>
        <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
          <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }} data-testid="org-details-name">
            <BilingualName text={org.name} lang={lang} />
          </Typography>
          <Chip size="small" label={t(`common:orgKind.${org.kind}`)} />
          {org.archived ? <Chip size="small" variant="outlined" label={t('archivedMark')} data-testid="org-details-archived" /> : null}
        </Stack>
        {org.archived ? <Alert severity="info">{t('details.archivedNote')}</Alert> : null}
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, m: 0 }}>
          <Field label={t('details.code')} testId="org-details-code">
            <bdi dir="ltr">{org.code}</bdi>
          </Field>
          <Field label={t('details.nameZh')}>
            {org.name.zh ? (
              <bdi lang="zh-CN" dir="ltr">
                {org.name.zh}
              </bdi>
            ) : (
              NO_VALUE
            )}
          </Field>
          <Field label={t('details.nameUg')}>
            {org.name.ug ? (
              <bdi lang="ug" dir="rtl">
                {org.name.ug}
              </bdi>
            ) : (
              NO_VALUE
            )}
          </Field>
          <Field label={t('details.parent')} testId="org-details-parent">
            {parent ? <BilingualName text={parent.name} lang={lang} /> : NO_VALUE}
          </Field>
          <Field label={t('details.secretaryName')}>{org.secretaryName || NO_VALUE}</Field>
          <Field label={t('details.secretaryPhone')}>{org.secretaryPhone ? <bdi dir="ltr">{org.secretaryPhone}</bdi> : NO_VALUE}</Field>
          {org.kind === 'school' || org.schoolLevel ? (
            <Field label={t('details.schoolLevel')}>{org.schoolLevel ? t(`schoolLevels.${org.schoolLevel}`) : t('schoolLevels.notSet')}</Field>
          ) : null}
          <Field label={t('details.founded')}>{org.founded ? formatDate(org.founded, lang) : NO_VALUE}</Field>
          <Field label={t('details.children')} testId="org-details-children">
            {t('details.childrenValue', { direct: formatInteger(direct, lang), total: formatInteger(total, lang) })}
          </Field>
        </Box>
        {onAction ? (
        <Stack direction="row" role="group" aria-label={t('actions.label')} sx={{ flexWrap: 'wrap', gap: 1 }}>
          {canHaveChildren(org.kind) ? (
            <Button variant="contained" disabled={org.archived} onClick={() => onAction('createChild')} data-testid="org-create-child">
              {t('actions.createChild')}
            </Button>
          ) : null}
          <Button variant="outlined" onClick={() => onAction('edit')} data-testid="org-edit">
            {t('actions.edit')}
          </Button>
          {isRoot ? null : (
            <Button variant="outlined" onClick={() => onAction('move')} data-testid="org-move">
              {t('actions.move')}
            </Button>
          )}
          {isRoot ? null : org.archived ? (
            <Button variant="outlined" onClick={() => onAction('unarchive')} data-testid="org-unarchive">
              {t('actions.unarchive')}
            </Button>
          ) : (
            <Button variant="outlined" color="warning" onClick={() => onAction('archive')} data-testid="org-archive">
              {t('actions.archive')}
            </Button>
          )}
        </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
