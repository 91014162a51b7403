import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCHOOL_LEVELS, type OrgKind, type SchoolLevel } from '../../../../shared/domain/org';
import { pickText } from '../../../../shared/i18n/lang';
import type { OrgField, OrgIssue } from '../../../../shared/orgs/reasons';
import { validateOrg } from '../../../../shared/orgs/validate';
import { createOrgWrites, editOrgWrites } from '../../../../shared/orgs/writes';
import { useLanguage, useNotify } from '../../app/context';
import { useWrite } from '../../app/useWrite';
import { draftOf, initialState, kindChoices, suggestedCode, type FormMode, type FormState } from './orgForm';
import type { OrgTreeData } from './useOrgTree';
import { DateField } from '../../components/DateField';

interface OrgFormDialogProps {
  mode: FormMode;
  data: OrgTreeData;
  onClose(): void;
  onSaved(orgId: string): void;
}

/**
 * Create a child, create the county, or edit. Problems are shown on their fields once the person
 * has tried to save, and then kept up to date as they type. Names in both languages, each typed in
 * its own direction.
 */
export function OrgFormDialog({ mode, data, onClose, onSaved }: OrgFormDialogProps) {
  const { t } = useTranslation('orgs');
  const notify = useNotify();
  const { lang } = useLanguage();
  const [state, setState] = useState<FormState>(() => initialState(mode, data.orgs, data.byId));
  const [newId] = useState(() => `org-${crypto.randomUUID()}`);
  const [tried, setTried] = useState(false);
  const { busy, write } = useWrite();
  const kinds = useMemo(() => kindChoices(mode, data.byId), [mode, data.byId]);
  const draft = draftOf(mode, state, newId);
  const issues: OrgIssue[] = tried ? validateOrg(mode.kind === 'edit' ? { ...draft, schoolLevel: draft.schoolLevel ?? mode.org.schoolLevel } : draft, data.orgs) : [];
  const showsLevel = state.kind === 'school';
  const issueOn = (...fields: OrgField[]) => issues.find((i) => fields.includes(i.field));
  const helper = (hint: string | undefined, ...fields: OrgField[]) => {
    const issue = issueOn(...fields);
    return { error: issue !== undefined, helperText: issue ? t(`errors.${issue.reason}`) : hint };
  };
  const set = <K extends keyof FormState>(key: K) => (value: FormState[K]) => setState((s) => ({ ...s, [key]: value }));

  const title =
    mode.kind === 'create'
      ? t('form.createTitle', { parent: pickText(mode.parent.name, lang).text })
      : mode.kind === 'createRoot'
        ? t('form.createRootTitle')
        : t('form.editTitle', { name: pickText(mode.org.name, lang).text });
  const suggested = suggestedCode(mode, data.orgs);

  async function save() {
    const result = mode.kind === 'edit' ? editOrgWrites(draft, data.orgs) : createOrgWrites(draft, data.orgs);
    if (!result.ok) {
      setTried(true);
      if ('reason' in result) notify({ severity: 'error', key: `orgs:errors.${result.reason}` });
      return;
    }
    if (result.writes.length === 0) {
      notify({ severity: 'info', key: 'orgs:done.nothingChanged' });
      onClose();
      return;
    }
    await write(result.writes, () => {
      const name = pickText(draft.name, lang).text;
      notify({ severity: 'success', key: mode.kind === 'edit' ? 'orgs:done.saved' : 'orgs:done.created', values: { name } });
      onSaved(draft.id);
    });
  }

  const parentIssue = issueOn('parentId');
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="org-form-title" maxWidth="sm" fullWidth data-testid="org-form">
      <DialogTitle id="org-form-title">{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {parentIssue ? <Alert severity="error">{t(`errors.${parentIssue.reason}`)}</Alert> : null}
          <TextField
            label={t('details.nameZh')}
            value={state.nameZh}
            onChange={(e) => set('nameZh')(e.target.value)}
            {...helper(t('form.nameHint'), 'name')}
            slotProps={{ htmlInput: { lang: 'zh-CN', dir: 'ltr', 'data-testid': 'org-name-zh' } }}
          />
          <TextField
            label={t('details.nameUg')}
            value={state.nameUg}
            onChange={(e) => set('nameUg')(e.target.value)}
            error={issueOn('name') !== undefined}
            slotProps={{ htmlInput: { lang: 'ug', dir: 'rtl', 'data-testid': 'org-name-ug' } }}
          />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              select
              label={t('details.kind')}
              value={state.kind}
              onChange={(e) => set('kind')(e.target.value as OrgKind)}
              disabled={kinds.length < 2}
              {...helper(undefined, 'kind', ...(showsLevel ? [] : (['schoolLevel'] as const)))}
              sx={{ flex: 1 }}
              slotProps={{ htmlInput: { 'data-testid': 'org-kind' } }}
            >
              {kinds.map((k) => (
                <MenuItem key={k} value={k}>
                  {t(`common:orgKind.${k}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={t('details.code')}
              value={state.code}
              onChange={(e) => set('code')(e.target.value.toUpperCase())}
              disabled={mode.kind === 'edit' && mode.org.parentId === null}
              {...helper(mode.kind === 'createRoot' ? t('form.codeHintRoot') : suggested ? t('form.codeHint', { suggested }) : undefined, 'code')}
              sx={{ flex: 1 }}
              slotProps={{ htmlInput: { dir: 'ltr', spellCheck: false, 'data-testid': 'org-code' } }}
            />
          </Stack>
          {showsLevel ? (
            <TextField
              select
              label={t('details.schoolLevel')}
              value={state.schoolLevel}
              onChange={(e) => set('schoolLevel')(e.target.value as SchoolLevel | '')}
              {...helper(t('form.levelHint'), 'schoolLevel')}
              slotProps={{ htmlInput: { 'data-testid': 'org-school-level' } }}
            >
              {/* A level once set cannot be removed (see editOrgWrites), so "not set" is offered only until then. */}
              {mode.kind === 'edit' && mode.org.schoolLevel ? null : <MenuItem value="">{t('schoolLevels.notSet')}</MenuItem>}
              {SCHOOL_LEVELS.map((level) => (
                <MenuItem key={level} value={level}>
                  {t(`schoolLevels.${level}`)}
                </MenuItem>
              ))}
            </TextField>
          ) : null}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              label={t('details.secretaryName')}
              value={state.secretaryName}
              onChange={(e) => set('secretaryName')(e.target.value)}
              sx={{ flex: 1 }}
              slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'org-secretary-name' } }}
            />
            <TextField
              label={t('details.secretaryPhone')}
              value={state.secretaryPhone}
              onChange={(e) => set('secretaryPhone')(e.target.value)}
              {...helper(t('form.phoneHint'), 'secretaryPhone')}
              sx={{ flex: 1 }}
              slotProps={{ htmlInput: { dir: 'ltr', inputMode: 'tel', 'data-testid': 'org-secretary-phone' } }}
            />
          </Stack>
          <DateField lang={lang}
            label={t('details.founded')}
            value={state.founded}
            onValueChange={(v) => set('founded')(v)}
            {...helper(undefined, 'founded')}
            slotProps={{ htmlInput: { 'data-testid': 'org-founded' } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('actions.cancel')}
        </Button>
        <Button variant="contained" onClick={save} disabled={busy} data-testid="org-save">
          {t('actions.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
