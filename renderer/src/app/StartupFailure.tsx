import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import type { i18n as I18n } from 'i18next';
import { useEffect } from 'react';
import type { Lang } from '../../../shared/i18n/lang';
import { applyDocumentLang } from '../i18n';
import { storeErrorKey } from '../store/errors';

export function StartupFailure({ error, i18n, lang }: { error: unknown; i18n: I18n; lang: Lang }) {
  useEffect(() => applyDocumentLang(lang), [lang]);
  return (
    <Alert severity="error" sx={{ m: 4 }} data-testid="startup-failure">
      <AlertTitle>{i18n.t('errors:startup.title')}</AlertTitle>
      {i18n.t(storeErrorKey(error))}
    </Alert>
  );
}
