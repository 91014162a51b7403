import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import type { i18n as I18n } from 'i18next';
import { useEffect } from 'react';
import type { Lang } from '../../../shared/i18n/lang';
import { applyDocumentLang } from '../i18n';
import { describeStoreError } from '../store/errors';

export function StartupFailure({ error, i18n, lang }: { error: unknown; i18n: I18n; lang: Lang }) {
  useEffect(() => applyDocumentLang(lang), [lang]);
  const { key, detail } = describeStoreError(error);
  return (
    <Alert severity="error" sx={{ m: 4 }} data-testid="startup-failure">
      <AlertTitle>{i18n.t('errors:startup.title')}</AlertTitle>
      {i18n.t(key)}
      {detail ? (
        <Box component="pre" dir="ltr" sx={{ mt: 1, whiteSpace: 'pre-wrap', fontSize: 12 }}>
          {detail}
        </Box>
      ) : null}
    </Alert>
  );
}
