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

  async function write() {
    setBusy(true);
    try {
      if (before && !(await before())) return;
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
