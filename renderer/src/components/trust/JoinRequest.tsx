import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAGUEJOIN_FILTERS } from '../../../../shared/bridge';
import { isolateLtr } from '../../../../shared/i18n/format';
import { useBridge, useLanguage, useNotify, useStore } from '../../app/context';
import { requestToJoin } from '../../store/authorityStore';
import { nameThisPc } from '../../store/pcName';
import { PcNameField, pcNameProblem } from '../PcNameField';
import { describeStoreError } from '../../store/errors';
import { useSaveReport } from '../useSaveAndReport';
import { textBytes } from './files';
import { Fingerprint } from './Fingerprint';

/**
 * Asking to join the county: writes this PC's request file to the USB drive and shows the
 * fingerprint to read out at the county office. `before` runs first (naming the PC); it returns
 * false to stop.
 */
export function JoinRequest({ fingerprint, before, disabled }: { fingerprint?: string; before?: () => Promise<boolean>; disabled?: boolean }) {
  const { t } = useTranslation('pcs');
  const store = useStore();
  const bridge = useBridge();
  const notify = useNotify();
  const { lang } = useLanguage();
  const report = useSaveReport();
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<string | undefined>(fingerprint);
  // The county sees the PC by its name: a PC not named yet (working alone since first start) is
  // named here first, unless the caller names it (`before`).
  const askName = !before && !store.identity.name;
  const [pcName, setPcName] = useState('');
  const [nameNeeded, setNameNeeded] = useState(false);

  async function write() {
    if (askName && pcNameProblem(pcName, false)) return setNameNeeded(true);
    setBusy(true);
    try {
      if (before && !(await before())) return;
      if (askName) await nameThisPc(store, pcName);
      const asked = await requestToJoin(store);
      setShown(asked.fingerprint);
      report(await bridge.saveFile({ suggestedName: asked.fileName, data: textBytes(asked.text), filters: LEAGUEJOIN_FILTERS }));
    } catch (error) {
      notify(describeStoreError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack spacing={2} data-testid="join-request">
      <Typography color="text.secondary">{t('join.explain', { extension: isolateLtr('.leaguejoin', lang) })}</Typography>
      {askName ? (
        <PcNameField
          value={pcName}
          onChange={(value) => {
            setPcName(value);
            setNameNeeded(false);
          }}
          lang={lang}
          onEnter={() => void write()}
          disabled={busy || disabled}
          required
          {...(nameNeeded && pcName === '' ? { error: true, helperText: t('common:pc.errors.empty') } : {})}
        />
      ) : null}
      <div>
        <Button variant={shown ? 'outlined' : 'contained'} startIcon={<FileDownloadOutlined />} onClick={write} disabled={busy || disabled} data-testid="write-request">
          {shown ? t('join.writeAgain') : t('join.write')}
        </Button>
      </div>
      {shown ? (
        <Stack spacing={1}>
          <Fingerprint value={shown} testId="own-fingerprint" />
          <Typography color="text.secondary">{t('join.readOut')}</Typography>
        </Stack>
      ) : null}
    </Stack>
  );
}
