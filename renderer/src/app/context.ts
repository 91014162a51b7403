import { createContext, useContext } from 'react';
import type { Bridge } from '../../../shared/bridge';
import type { Lang } from '../../../shared/i18n/lang';
import type { Store } from '../store/store';

export interface AppContextValue {
  store: Store;
  bridge: Bridge;
  lang: Lang;
  switchLang(lang: Lang): Promise<void>;
  /**
   * Shows a message (a key in the errors or common namespace) in the app's message area; `detail`
   * is a technical cause shown on request (describeStoreError in store/errors.ts makes one).
   */
  notify(message: { severity: 'success' | 'info' | 'warning' | 'error'; key: string; values?: Record<string, unknown>; detail?: string }): void;
}

export const AppContext = createContext<AppContextValue | null>(null);

function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('an app service used outside <App>');
  return value;
}

/*
 * The app's services, one hook each, so that a component says what it depends on: its data
 * (useStore), the outside world (useBridge: files, printing, the hub), the message area
 * (useNotify), the working language (useLanguage).
 */

/** This PC's database and repository (renderer/src/store/store.ts). */
export function useStore(): Store {
  return useAppContext().store;
}

/** The shell: files, USB drives, printing, the hub (shared/bridge.ts). */
export function useBridge(): Bridge {
  return useAppContext().bridge;
}

/** Shows a message in the app's message area (AppContextValue.notify). */
export function useNotify(): AppContextValue['notify'] {
  return useAppContext().notify;
}

/** The working language, and switching it. */
export function useLanguage(): Pick<AppContextValue, 'lang' | 'switchLang'> {
  const { lang, switchLang } = useAppContext();
  return { lang, switchLang };
}
