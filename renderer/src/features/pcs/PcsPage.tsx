import FolderOpenOutlined from '@mui/icons-material/FolderOpenOutlined';
import SaveOutlined from '@mui/icons-material/SaveOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAGUEJOIN_FILTERS } from '../../../../shared/bridge';
import { formatDate, formatTime, isolateLtr, isolateName } from '../../../../shared/i18n/format';
import type { Lang } from '../../../../shared/i18n/lang';
import { pickText } from '../../../../shared/i18n/lang';
import type { EnrollmentRequest } from '../../../../shared/trust/enrollment';
import { stampTime } from '../../../../shared/trust/schemas';
import { useBridge, useLanguage, useNotify, useStore } from '../../app/context';
import { certifiedPcLabel } from '../../components/PcName';
import { EmptyPage } from '../../components/EmptyPage';
import { ListTable } from '../../components/ListTable';
import { fileText } from '../../components/trust/files';
import { CodeGroups } from '../../components/trust/Fingerprint';
import { useEnrollment } from '../../components/trust/useEnrollment';
import { openEnrollmentRequest, type EnrolledPc } from '../../store/authorityStore';
import { describeStoreError } from '../../store/errors';
import { AuthorityBackupDialog } from './AuthorityBackupDialog';
import { IssueDialog } from './IssueDialog';
import { RevokeDialog } from './RevokeDialog';
import { SuccessionDialog } from './SuccessionDialog';
import { useContestsToJudge, useEnrolledPcs, useHoldsAuthority } from './usePcsData';

const STATUS_COLOR = { active: 'success', expired: 'default', revoked: 'error' } as const;

/**
 * The county's PCs: enrol a PC from its request file, the PCs enrolled (role, scope, fingerprint,
 * term, the last change seen from each, status), revoke one; save the authority to a USB drive.
 */
export function PcsPage() {
  const { t } = useTranslation('pcs');
  const { lang } = useLanguage();
  const store = useStore();
  const bridge = useBridge();
  const notify = useNotify();
  const holds = useHoldsAuthority();
  const pcs = useEnrolledPcs();
  const enrollment = useEnrollment();
  const contests = useContestsToJudge();
  // A judge's assignment by the contest's title and the judge's name (its ids if the contest is not held here).
  const judgingLabel = ({ contest, judge }: { contest: string; judge: string }) => {
    const held = contests?.find((c) => c.id === contest);
    return { contest: isolateName(held ? pickText(held.title, lang).text : contest), judge: isolateName(held?.judges.find((j) => j.id === judge)?.name ?? judge) };
  };
  const [request, setRequest] = useState<{ request: EnrollmentRequest; fingerprint: string } | undefined>();
  const [revoking, setRevoking] = useState<EnrolledPc | undefined>();
  const [backingUp, setBackingUp] = useState(false);
  const [handingOn, setHandingOn] = useState(false);

  if (holds === undefined || (holds && pcs === undefined)) return <CircularProgress aria-label={t('loading')} />;
  if (!holds) {
    return (
      <EmptyPage title={t('page.title')} testId="pcs-empty">
        {t('page.notCounty')}
      </EmptyPage>
    );
  }

  async function openRequest() {
    const opened = await bridge.openFiles({ multiple: false, filters: LEAGUEJOIN_FILTERS });
    if (opened.status === 'cancelled') return;
    if (opened.status === 'error') return notify({ severity: 'error', key: `errors:bridge.${opened.reason}` });
    try {
      const read = await openEnrollmentRequest(store, fileText(opened.files[0]!.data));
      if (!read.ok) return notify({ severity: 'error', key: `pcs:refusal.${read.reason}` });
      setRequest(read);
    } catch (error) {
      notify(describeStoreError(error));
    }
  }

  const others = (pcs ?? []).filter((p) => !p.self);
  const columns = [
    { label: t('table.name') },
    { label: t('table.role') },
    { label: t('table.scope') },
    { label: t('table.fingerprint') },
    { label: t('table.term') },
    { label: t('table.lastSeen') },
    { label: t('table.status') },
  ];

  return (
    <Stack spacing={3} data-testid="pcs">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>
          {t('page.title')}
        </Typography>
        <Button variant="contained" startIcon={<FolderOpenOutlined />} onClick={openRequest} data-testid="open-request">
          {t('page.openRequest')}
        </Button>
        <Button variant="outlined" startIcon={<SaveOutlined />} onClick={() => setBackingUp(true)} data-testid="save-authority">
          {t('page.saveAuthority')}
        </Button>
        <Button variant="outlined" onClick={() => setHandingOn(true)} data-testid="succession-open">
          {t('succession.open')}
        </Button>
      </Stack>
      <Typography color="text.secondary">{t('page.explain')}</Typography>
      {enrollment?.state === 'county' ? <CodeGroups code={enrollment.authorityFingerprint} label={t('page.authorityFingerprint')} testId="authority-fingerprint" size="medium" /> : null}
      <ListTable count={pcs?.length ?? 0} empty={t('page.empty')} emptyTestId="pcs-table-empty" columns={columns} scroll>
        {(pcs ?? []).map((pc) => (
          <TableRow key={pc.device} data-testid={`pc-${pc.device}`}>
            <TableCell sx={{ minWidth: '9em' }}>
              <bdi>{certifiedPcLabel(pc.name, pc.device, t, lang)}</bdi>
              {pc.self ? <Typography variant="caption" color="text.secondary" component="div">{t('table.thisPc')}</Typography> : null}
            </TableCell>
            <TableCell sx={{ minWidth: '9em' }}>
              {t(`common:standing.role.${pc.role}`)}
              {pc.grants.includes('jobs') ? <Typography variant="caption" color="text.secondary" component="div">{t('certificate.withJobs')}</Typography> : null}
              {pc.judging.map((a) => (
                <Typography key={a.contest} variant="caption" color="text.secondary" component="div" data-testid="pc-judging">
                  {t('certificate.judgesAs', judgingLabel(a))}
                </Typography>
              ))}
            </TableCell>
            <TableCell>
              <bdi dir="ltr">{pc.scope}</bdi>
            </TableCell>
            <TableCell>
              <Box component="span" dir="ltr" sx={{ fontFamily: 'monospace', fontSize: '0.8125rem', whiteSpace: 'nowrap' }}>
                {pc.fingerprint}
              </Box>
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('table.until', { date: formatDate(new Date(pc.validTo), lang) })}</TableCell>
            <TableCell>{pc.lastSeen ? <DateAndTime at={new Date(stampTime(pc.lastSeen))} lang={lang} /> : t('table.nothingYet')}</TableCell>
            <TableCell>
              {/* The status and what can be done about it, in one column: the table fits 1366 px in Uyghur. */}
              <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                <Chip size="small" color={STATUS_COLOR[pc.status]} label={pc.revocation ? t('status.revokedFor', { cause: t(`revoke.causes.${pc.revocation.cause}`) }) : t(`status.${pc.status}`)} data-testid="pc-status" />
                {!pc.self && pc.status !== 'revoked' ? (
                  <Button color="error" size="small" onClick={() => setRevoking(pc)} data-testid="revoke-open" sx={{ whiteSpace: 'nowrap', minWidth: 0, px: 0.5 }}>
                    {t('revoke.open')}
                  </Button>
                ) : null}
              </Stack>
            </TableCell>
          </TableRow>
        ))}
      </ListTable>
      {others.length === 0 ? (
        <Typography color="text.secondary" data-testid="pcs-none-yet">
          {t('page.noneYet', { extension: isolateLtr('.leaguejoin', lang) })}
        </Typography>
      ) : null}
      {request ? <IssueDialog request={request.request} fingerprint={request.fingerprint} onClose={() => setRequest(undefined)} /> : null}
      {revoking ? <RevokeDialog pc={revoking} onClose={() => setRevoking(undefined)} /> : null}
      {backingUp ? <AuthorityBackupDialog onClose={() => setBackingUp(false)} /> : null}
      {handingOn ? <SuccessionDialog ways={['passphrase', 'recovery']} onClose={() => setHandingOn(false)} /> : null}
    </Stack>
  );
}

/** A date and a time that wrap between the two, never inside the date ("2026-يىلى 12-ئاينىڭ 7-كۈنى" / "23:27"). */
function DateAndTime({ at, lang }: { at: Date; lang: Lang }) {
  return (
    <>
      <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
        {formatDate(at, lang)}
      </Box>{' '}
      <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
        {formatTime(at)}
      </Box>
    </>
  );
}
