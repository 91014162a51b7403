import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppContextValue } from './context';

type Message = Parameters<AppContextValue['notify']>[0];

export function useMessages() {
  const [current, setCurrent] = useState<Message | null>(null);
  const notify = useCallback((message: Message) => setCurrent(message), []);
  const close = useCallback(() => setCurrent(null), []);
  return { current, notify, close };
}

/** One message at a time, at the bottom; errors stay until closed, the rest fade after a while. */
export function Messages({ state }: { state: ReturnType<typeof useMessages> }) {
  const { t } = useTranslation();
  const { current, close } = state;
  return (
    <Snackbar
      open={current !== null}
      onClose={(_, reason) => reason !== 'clickaway' && close()}
      autoHideDuration={current?.severity === 'error' ? null : 6000}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      {current ? (
        <Alert severity={current.severity} onClose={close} variant="filled" role="alert" data-testid="app-message">
          {t(current.key, current.values)}
        </Alert>
      ) : undefined}
    </Snackbar>
  );
}
