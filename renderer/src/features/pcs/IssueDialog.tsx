import Autocomplete from '@mui/material/Autocomplete';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAGUECERT_FILTERS } from '../../../../shared/bridge';
import type { Org } from '../../../../shared/domain/org';
import { codeAndName, isolateLtr, isolateName } from '../../../../shared/i18n/format';
import { ROLES, type Role } from '../../../../shared/trust/certificate';
import type { EnrollmentRequest } from '../../../../shared/trust/enrollment';
import { useBridge, useLanguage, useNotify, useStore } from '../../app/context';
import { DateField } from '../../components/DateField';
import { textBytes } from '../../components/trust/files';
import { Fingerprint } from '../../components/trust/Fingerprint';
import { DialogButtons } from '../../components/trust/DialogButtons';
import { PassphraseField } from '../../components/trust/PassphraseField';
import { usePassphraseStep } from '../../components/trust/usePassphraseStep';
import { useSaveReport } from '../../components/useSaveAndReport';
import { addYears, localToday } from '../../../../shared/domain/dates';
import { issueForRequest } from '../../store/authorityStore';
import { JudgingPicker, type Judging } from './JudgingPicker';
import { useContestsToJudge, useCountyOrgs } from './usePcsData';


const DEFAULT_YEARS = 3;

/**
 * Enrolling a PC from its request file: the name and fingerprint to compare read aloud, the role,
 * the scope (an organisation of the county; the whole county for a county administrator), how long,
 * whether a township may publish job notices; the authority's passphrase signs it, and the answer
 * file is saved for the person to carry back.
 */
export function IssueDialog({ request, fingerprint, onClose }: { request: EnrollmentRequest; fingerprint: string; onClose: () => void }) {
  const { t } = useTranslation('pcs');
  const { lang } = useLanguage();
  const store = useStore();
  const bridge = useBridge();
  const notify = useNotify();
  const report = useSaveReport();
  const orgs = useCountyOrgs() ?? [];
  const county = orgs.find((o) => o.parentId === null);
  const [matches, setMatches] = useState(false);
  const [role, setRole] = useState<Role>('townshipOfficer');
  const [scope, setScope] = useState<Org | null>(null);
  const [until, setUntil] = useState(() => addYears(localToday(new Date()), DEFAULT_YEARS));
  const [jobs, setJobs] = useState(false);
  const contests = useContestsToJudge() ?? [];
  const [judging, setJudging] = useState<Judging>([]);
  const step = usePassphraseStep();
  const busy = step.busy;

  // A judge belongs to no organisation (its scores are placed by contest and judge, not by code):
  // its certificate names the county, and what it may score is its judging.
  const judge = role === 'judge';
  const wholeCounty = role === 'countyAdmin' || judge;
  const scopeCode = wholeCounty ? county?.code : scope?.code;
  const ready = matches && scopeCode !== undefined && until !== '' && step.passphrase !== '' && (!judge || judging.length > 0);
  const orgLabel = (o: Org) => codeAndName(o.code, o.name, lang);

  const issue = () =>
    scopeCode !== undefined &&
    step.run(
      (passphrase) =>
        issueForRequest(
          store,
          request,
          {
            role,
            scope: scopeCode,
            validFrom: new Date().toISOString(),
            validTo: new Date(`${until}T00:00:00`).toISOString(),
            ...(role === 'townshipOfficer' && jobs ? { grants: ['jobs'] } : {}),
            ...(judge ? { judging } : {}),
          },
          passphrase,
        ),
      async (issued) => {
        report(await bridge.saveFile({ suggestedName: issued.answer.fileName, data: textBytes(issued.answer.text), filters: LEAGUECERT_FILTERS }));
        notify({ severity: 'success', key: 'pcs:issue.done', values: { name: isolateName(request.name), extension: isolateLtr('.leaguecert', lang) } });
        onClose();
      },
    );

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="issue-title" data-testid="issue-dialog">
      <DialogTitle id="issue-title">{t('issue.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography data-testid="request-name">{t('issue.pcName', { name: isolateName(request.name) })}</Typography>
          <Fingerprint value={fingerprint} testId="request-fingerprint" />
          <Typography color="text.secondary">{t('issue.compare')}</Typography>
          <FormControlLabel
            control={<Checkbox checked={matches} onChange={(e) => setMatches(e.target.checked)} slotProps={{ input: { 'data-testid': 'fingerprint-matches' } as object }} />}
            label={t('issue.matches')}
          />
          <TextField select label={t('issue.role')} value={role} onChange={(e) => setRole(e.target.value as Role)} disabled={busy} slotProps={{ htmlInput: { 'data-testid': 'issue-role' } }}>
            {ROLES.map((r) => (
              <MenuItem key={r} value={r} data-testid={`role-${r}`}>
                {t(`common:standing.role.${r}`)} — {t(`roleHelp.${r}`)}
              </MenuItem>
            ))}
          </TextField>
          {wholeCounty ? (
            // Read-only, not disabled: a disabled field's grey helper text is too faint to read.
            <TextField
              label={t('issue.scope')}
              value={county ? orgLabel(county) : ''}
              helperText={t(judge ? 'issue.judgingWhole' : 'issue.wholeCounty')}
              slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'issue-scope-county' } }}
            />
          ) : (
            <Autocomplete
              options={orgs}
              value={scope}
              onChange={(_e, value) => setScope(value)}
              getOptionLabel={orgLabel}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              disabled={busy}
              noOptionsText={t('issue.noOrgs')}
              renderInput={(params) => <TextField {...params} label={t('issue.scope')} helperText={t('issue.scopeHelp')} inputProps={{ ...params.inputProps, 'data-testid': 'issue-scope' }} />}
            />
          )}
          {judge ? <JudgingPicker contests={contests} value={judging} onChange={setJudging} disabled={busy} /> : null}
          <DateField lang={lang} label={t('issue.until')} value={until} onValueChange={setUntil} disabled={busy} slotProps={{ htmlInput: { 'data-testid': 'issue-until' } }} />
          {role === 'townshipOfficer' ? (
            <FormControlLabel control={<Checkbox checked={jobs} onChange={(e) => setJobs(e.target.checked)} />} label={t('issue.grantJobs')} />
          ) : null}
          <PassphraseField kind="enter" {...step.field} testId="issue-passphrase" />
          {busy ? <LinearProgress aria-label={t('issue.working')} /> : null}
        </Stack>
      </DialogContent>
      <DialogButtons onCancel={onClose} busy={busy} action={{ label: t('issue.action'), onClick: () => void issue(), disabled: !ready, testId: 'issue-go' }} />
    </Dialog>
  );
}

