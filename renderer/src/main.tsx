import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
// Only the Arabic-script part of Noto Naskh: its Latin digits and punctuation draw "." like a comma
// (a score of 88.50 read as 88,50), so digits, Latin punctuation and Latin letters in Uyghur text
// come from Noto Sans SC, next in the font stack (app/theme.ts), as they do on Chinese screens.
import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createI18n, rememberedLang } from './i18n';
import { getBridge } from './platform/bridge';
import { requestPersistentStorage } from './platform/persist';
import { StartupFailure } from './app/StartupFailure';
import { LeagueDeskDb } from './store/db';
import { openStore } from './store/store';
import { APP_REGISTRY } from '../../shared/app/registry';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const lang = rememberedLang();
  const i18n = await createI18n(lang);
  const bridge = getBridge();
  try {
    const store = await openStore(new LeagueDeskDb(APP_REGISTRY));
    void requestPersistentStorage();
    root.render(<App store={store} bridge={bridge} i18n={i18n} initialLang={lang} />);
  } catch (error) {
    // The database did not open (a newer app's data, a broken profile, no space): say so, and
    // touch nothing, rather than show an empty app that invites typing into nowhere.
    root.render(<StartupFailure error={error} i18n={i18n} lang={lang} />);
  }
}

void start();
