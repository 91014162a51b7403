import { ThemeProvider } from '@mui/material/styles';
import { render } from '@testing-library/react';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import type { Bridge } from '../../shared/bridge';
import type { Lang } from '../../shared/i18n/lang';
import { AppContext, type AppContextValue } from '../../renderer/src/app/context';
import { createAppTheme } from '../../renderer/src/app/theme';
import { createI18n } from '../../renderer/src/i18n';
import { LeagueDeskDb } from '../../renderer/src/store/db';
import { loadDemoCounty } from '../../renderer/src/store/demo';
import { openStore, type Store } from '../../renderer/src/store/store';
import { APP_REGISTRY } from '../../shared/app/registry';

let databases = 0;

/**
 * Renders a piece of the app as the app frames it (theme, translations, app context) over a fresh
 * in-memory database of its own (or the store given), with the demo county loaded when asked.
 */
export async function renderInApp(
  ui: ReactElement,
  { lang = 'zh-CN', demo = false, bridge = {}, store: given }: { lang?: Lang; demo?: boolean; bridge?: Partial<Bridge>; store?: Store } = {},
) {
  const store: Store = given ?? (await openStore(new LeagueDeskDb(APP_REGISTRY, `component-${databases++}`, { indexedDB: new IDBFactory(), IDBKeyRange })));
  if (demo) await loadDemoCounty(store);
  const i18n = await createI18n(lang);
  const notify = vi.fn<AppContextValue['notify']>();
  const context: AppContextValue = { store, bridge: bridge as Bridge, lang, switchLang: vi.fn(), notify };
  render(
    <ThemeProvider theme={createAppTheme(lang, i18n.getFixedT(lang, 'common'))}>
      <I18nextProvider i18n={i18n}>
        <AppContext.Provider value={context}>{ui}</AppContext.Provider>
      </I18nextProvider>
    </ThemeProvider>,
  );
  return { store, notify, i18n };
}
