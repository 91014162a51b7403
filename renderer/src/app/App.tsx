import { CacheProvider } from '@emotion/react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import type { i18n as I18n } from 'i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Bridge } from '../../../shared/bridge';
import { directionOf, type Lang } from '../../../shared/i18n/lang';
import { applyDocumentLang, rememberLang } from '../i18n';
import { hubRunner, HUB_INTERVAL_MS } from '../features/sync';
import { backupIfDue } from '../store/backups';
import { describeStoreError } from '../store/errors';
import { keepPcNameWritten } from '../store/pcName';
import type { Store } from '../store/store';
import { AppContext, type AppContextValue } from './context';
import { Messages, useMessages } from './Messages';
import { Shell } from './Shell';
import { createAppTheme, emotionCaches } from './theme';

export interface AppProps {
  store: Store;
  bridge: Bridge;
  i18n: I18n;
  initialLang: Lang;
}

export function App({ store, bridge, i18n, initialLang }: AppProps) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const messages = useMessages();
  const notify = messages.notify;

  const switchLang = useCallback(
    async (next: Lang) => {
      // Resources are bundled, so this resolves at once; the whole tree re-renders in the new
      // language and direction without a reload.
      await i18n.changeLanguage(next);
      applyDocumentLang(next);
      rememberLang(next);
      setLang(next);
      await bridge.setLanguage(next);
    },
    [bridge, i18n],
  );

  useEffect(() => {
    applyDocumentLang(initialLang);
    void bridge.setLanguage(initialLang);
  }, [bridge, initialLang]);

  // The daily backup, a little after start so it never delays the first screen.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      backupIfDue(store).catch((error: unknown) => notify(describeStoreError(error)));
    }, 5_000);
    return () => window.clearTimeout(timer);
  }, [store, notify]);

  // This PC's name reaches the synced device table once the PC has changes of its own (store/pcName.ts).
  useEffect(() => keepPcNameWritten(store, (error) => notify(describeStoreError(error))), [store, notify]);

  // Network sync with the county hub: soon after start, every few minutes, and when the PC comes
  // back online. Without a saved account each round is one local call that does nothing.
  useEffect(() => {
    const runner = hubRunner(store, bridge);
    const sync = () => void runner.sync();
    const first = window.setTimeout(sync, 3_000);
    const every = window.setInterval(sync, HUB_INTERVAL_MS);
    window.addEventListener('online', sync);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(every);
      window.removeEventListener('online', sync);
    };
  }, [store, bridge]);

  useEffect(
    () =>
      bridge.onMenuCommand((command) => {
        if (command.type === 'setLanguage') void switchLang(command.lang);
        if (command.type === 'about') window.location.hash = '#/about';
      }),
    [bridge, switchLang],
  );

  const theme = useMemo(() => createAppTheme(lang, i18n.getFixedT(lang, 'common')), [lang, i18n]);
  const context = useMemo<AppContextValue>(
    () => ({ store, bridge, lang, switchLang, notify }),
    [store, bridge, lang, switchLang, notify],
  );

  return (
    <CacheProvider value={emotionCaches[directionOf(lang)]}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <I18nextProvider i18n={i18n}>
          <AppContext.Provider value={context}>
            <Shell />
            <Messages state={messages} />
          </AppContext.Provider>
        </I18nextProvider>
      </ThemeProvider>
    </CacheProvider>
  );
}
