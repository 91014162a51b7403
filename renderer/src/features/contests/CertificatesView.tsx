import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { CERTIFICATE_LANGS, certificatePagesHtml, certificateStylesheet, certificateWinners, type CertificateLang } from '../../../../shared/contests/certificate';
import { formatInteger } from '../../../../shared/i18n/format';
import { useBridge, useLanguage } from '../../app/context';
import { setRouteParams, useRouteParams } from '../../app/routes';
import { useSaveReport } from '../../components/useSaveAndReport';
import { CONTEST_LOCALES } from './contestLocales';
import type { ContestData } from './useContestData';

/**
 * Certificates for every award winner, one A4 landscape page each, in Chinese, Uyghur or both. The
 * pages are shown as they print; the PDF is the window printed (printToPDF in Electron), with the
 * app's bars and buttons hidden by the print stylesheet.
 */
export function CertificatesView({ data }: { data: ContestData }) {
  const { t } = useTranslation('contests');
  const bridge = useBridge();
  const { lang } = useLanguage();
  const report = useSaveReport();
  const params = useRouteParams();
  const mode: CertificateLang = (CERTIFICATE_LANGS as readonly string[]).includes(params.get('certLang') ?? '') ? (params.get('certLang') as CertificateLang) : lang;
  const winners = certificateWinners(data.ranking);
  const html = certificatePagesHtml({
    contest: data.contest,
    ranking: data.ranking,
    mode,
    locales: CONTEST_LOCALES,
    issuer: data.county?.name ?? {},
    date: new Date().toISOString().slice(0, 10),
  });

  async function print() {
    const result = await bridge.printToPdf({ suggestedName: `certificates-${data.contest.id.slice(0, 8)}-${mode}.pdf`, landscape: true });
    if (result.status !== 'cancelled') report(result);
  }

  return (
    <Stack spacing={2} data-testid="certificates">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }} className="no-print">
        <TextField
          select
          size="small"
          label={t('certificates.language')}
          value={mode}
          onChange={(e) => setRouteParams('contests', { contest: data.contest.id, view: 'certificates', certLang: e.target.value })}
          sx={{ minWidth: 220 }}
          slotProps={{ htmlInput: { 'data-testid': 'cert-lang' } }}
        >
          {CERTIFICATE_LANGS.map((l) => (
            <MenuItem key={l} value={l} data-testid={`cert-lang-${l}`}>
              {t(`certificates.langs.${l}`)}
            </MenuItem>
          ))}
        </TextField>
        <Typography sx={{ flexGrow: 1 }} color="text.secondary">
          {t('certificates.count', { count: formatInteger(winners.length, lang) })}
        </Typography>
        <Button variant="contained" disabled={winners.length === 0} onClick={print} data-testid="cert-pdf">
          {t('certificates.pdf')}
        </Button>
      </Stack>
      {winners.length === 0 ? (
        <Typography color="text.secondary">{t('certificates.empty')}</Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <style>{certificateStylesheet()}</style>
          {/* The certificate markup escapes every value (shared/contests/certificate.ts). */}
          <Box data-testid="certificate-pages" dangerouslySetInnerHTML={{ __html: html }} />
        </Box>
      )}
    </Stack>
  );
}
