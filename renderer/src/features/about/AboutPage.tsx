import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/bridge';
import { formatInteger } from '../../../../shared/i18n/format';
import { DATA_SCHEMA_VERSION } from '../../../../shared/sync/change';
import { useBridge, useLanguage, useNotify, useStore } from '../../app/context';
import { PcNameField, pcNameProblem } from '../../components/PcNameField';
import { storagePersisted } from '../../platform/persist';
import { describeStoreError } from '../../store/errors';
import { nameThisPc } from '../../store/pcName';
import { useDataFacts } from './useAboutData';

/** What this copy of League Desk is and where its data lives: what support staff ask first. */
export function AboutPage() {
  const { t } = useTranslation('about');
  const bridge = useBridge();
  const store = useStore();
  const notify = useNotify();
  const { lang } = useLanguage();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [pcName, setPcName] = useState(store.identity.name ?? '');
  const [saving, setSaving] = useState(false);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const { databaseVersion, changeCount } = useDataFacts();

  useEffect(() => {
    void bridge.appInfo().then(setInfo);
    void storagePersisted().then(setPersisted);
  }, [bridge]);

  const unchanged = pcName.trim() === (store.identity.name ?? '');
  async function saveName() {
    if (saving || unchanged || pcNameProblem(pcName, false)) return;
    setSaving(true);
    try {
      const named = await nameThisPc(store, pcName);
      if (named.ok) {
        setPcName(named.name);
        notify({ severity: 'success', key: 'common:pc.saved' });
      }
    } catch (error) {
      notify(describeStoreError(error));
    } finally {
      setSaving(false);
    }
  }

  // Technical values (versions, paths, ids) are left-to-right in any language: a Windows path or
  // "2 / 1" must not be mirrored inside Uyghur text.
  const rows: [key: string, value: string, technical: boolean][] = info
    ? [
        ['version', info.version, true],
        ['mode', t(`modes.${info.mode}`), false],
        ['platform', info.platform, true],
        ['dataFolder', info.dataFolder ?? t('browserStorage'), info.dataFolder !== null],
        ['portable', t(info.portable ? 'yes' : 'no'), false],
        ['persisted', persisted === null ? '—' : t(persisted ? 'yes' : 'no'), false],
        ['device', store.identity.device, true],
        // A pair read in the page's direction, as its label is: in Uyghur the database version is on
        // the right, under the label's first half.
        ['schema', `${databaseVersion} / ${DATA_SCHEMA_VERSION}`, false],
        ['changes', changeCount === undefined ? '—' : formatInteger(changeCount, lang), false],
      ]
    : [];

  return (
    <Stack spacing={2} sx={{ maxWidth: 760 }} data-testid="about">
      <Typography variant="h4" component="h1">
        {t('title')}
      </Typography>
      <Typography color="text.secondary">{t('description')}</Typography>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          <PcNameField value={pcName} onChange={setPcName} lang={lang} onEnter={() => void saveName()} disabled={saving} sx={{ flex: 1 }} />
          <Button variant="contained" onClick={() => void saveName()} disabled={saving || unchanged || pcNameProblem(pcName, false) !== null} sx={{ mt: 1 }} data-testid="pc-name-save">
            {t('common:pc.save')}
          </Button>
        </Stack>
      </Paper>
      <Paper variant="outlined">
        <Table size="small">
          <TableBody>
            {rows.map(([key, value, technical]) => (
              <TableRow key={key} data-testid={`about-${key}`}>
                <TableCell component="th" scope="row" sx={{ width: '40%' }}>
                  {t(`fields.${key}`)}
                </TableCell>
                <TableCell>
                  <Box component="bdi" dir={technical ? 'ltr' : undefined}>
                    {value}
                  </Box>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
    </Stack>
  );
}
