import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/bridge';
import type { Lang } from '../shared/i18n/lang';
import { buildMenuTemplate } from './menu';
import { menuLabelsFor } from './menuLabels';

export interface LanguageMenuOptions {
  initialLang: Lang;
  isDev: boolean;
  sendCommand: (command: MenuCommand) => void;
  /** Menu.setApplicationMenu(Menu.buildFromTemplate(template)) in the app; a recorder in tests. */
  install: (template: MenuItemConstructorOptions[]) => void;
}

export interface LanguageMenu {
  /** The language the menu and the file dialogs currently speak. */
  current(): Lang;
  /** Switches language and rebuilds the whole menu (Electron menus cannot be relabelled in place). */
  setLanguage(lang: Lang): void;
}

/** Owns the shell's notion of the UI language; installs the menu once at creation. */
export function createLanguageMenu(options: LanguageMenuOptions): LanguageMenu {
  let lang = options.initialLang;
  const install = (): void =>
    options.install(
      buildMenuTemplate({ lang, labels: menuLabelsFor(lang), isDev: options.isDev, sendCommand: options.sendCommand }),
    );
  install();
  return {
    current: () => lang,
    setLanguage(next) {
      lang = next;
      install();
    },
  };
}
