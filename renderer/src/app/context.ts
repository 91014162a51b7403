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

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside <App>');
  return value;
}
