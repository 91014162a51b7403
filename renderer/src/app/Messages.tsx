import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppContextValue } from './context';
import { currentRoute, useRoute } from './routes';

type Message = Parameters<AppContextValue['notify']>[0];

export function useMessages() {
  const [current, setCurrent] = useState<(Message & { route: string }) | null>(null);
  const route = useRoute();
  const notify = useCallback((message: Message) => {
    // The technical cause goes to the log as well, where a technician may look for it later.
    if (message.detail) console.warn(`[${message.key}] ${message.detail}`);
    setCurrent({ ...message, route: currentRoute() });
  }, []);
  const close = useCallback(() => setCurrent(null), []);
  // A message about what was done on one page is read by the time the person goes to another
  // ("已开启新一轮报表" stood over the entry grid): it goes with the page. Errors stay until closed.
  useEffect(() => {
    if (current && current.severity !== 'error' && current.route !== route) setCurrent(null);
  }, [current, route]);
  // Likewise when a dialog opens: the message sits at the bottom, over the dialog's buttons ("saved
  // to the drive" covered the import preview's Cancel). A dialog that closes after its action leaves it.
  useEffect(() => {
    if (!current || current.severity === 'error') return;
    const observer = new MutationObserver((changes) => {
      const opened = changes.some((c) => [...c.addedNodes].some((n) => n instanceof Element && (n.matches('[role="dialog"]') || n.querySelector('[role="dialog"]'))));
      if (opened) setCurrent(null);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [current]);
  return { current, notify, close };
}


/**
 * One message at a time, at the bottom; errors stay until closed, the rest fade after a while. A
 * message with a technical cause offers it under "details", to read or copy for whoever supports
 * the PC.
 */
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
        <Alert severity={current.severity} onClose={close} variant="filled" role="alert" data-testid="app-message" data-key={current.key} data-severity={current.severity} sx={{ maxWidth: 720 }}>
          {t(current.key, current.values)}
          {current.detail ? <Details key={current.detail} text={current.detail} /> : null}
        </Alert>
      ) : undefined}
    </Snackbar>
  );
}

function Details({ text }: { text: string }) {
  const { t } = useTranslation('errors');
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  return (
    <Box sx={{ mt: 1 }}>
      <Button size="small" color="inherit" variant="outlined" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="message-details">
        {t(open ? 'details.hide' : 'details.show')}
      </Button>
      {open ? (
        <>
          <Box component="pre" dir="ltr" sx={{ mt: 1, mb: 1, p: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12, bgcolor: 'rgba(0,0,0,0.2)', userSelect: 'text' }} data-testid="message-detail-text">
            {text}
          </Box>
          <Button
            size="small"
            color="inherit"
            variant="outlined"
            onClick={() => navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false))}
          >
            {t(copied ? 'details.copied' : 'details.copy')}
          </Button>
        </>
      ) : null}
    </Box>
  );
}
