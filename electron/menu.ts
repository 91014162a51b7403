import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/bridge';
import { LANGS, LANG_SELF_NAMES, type Lang } from '../shared/i18n/lang';
import type { MenuLabels } from './menuLabels';

export interface MenuTemplateInputs {
  lang: Lang;
  labels: MenuLabels;
  /** Development build: adds Reload, which in a packaged app would only lose unsaved form input. */
  isDev: boolean;
  /** Delivers a command to the renderer; the menu never changes app state itself. */
  sendCommand: (command: MenuCommand) => void;
}

/**
 * The application menu as a plain template (Menu.buildFromTemplate happens in main.ts), so both
 * languages can be checked without Electron. Standard actions use roles, which keep the platform's
 * own behaviour and accelerators; only the labels are ours.
 */
export function buildMenuTemplate(inputs: MenuTemplateInputs): MenuItemConstructorOptions[] {
  const { labels, lang, isDev, sendCommand } = inputs;

  const viewItems: MenuItemConstructorOptions[] = [
    ...(isDev
      ? [{ role: 'reload', label: labels.view.reload } as const, { type: 'separator' } as const]
      : []),
    { role: 'resetZoom', label: labels.view.resetZoom },
    { role: 'zoomIn', label: labels.view.zoomIn },
    { role: 'zoomOut', label: labels.view.zoomOut },
    { type: 'separator' },
    { role: 'togglefullscreen', label: labels.view.toggleFullScreen },
  ];

  return [
    {
      label: labels.file.title,
      submenu: [{ role: 'quit', label: labels.file.quit }],
    },
    {
      label: labels.edit.title,
      submenu: [
        { role: 'undo', label: labels.edit.undo },
        { role: 'redo', label: labels.edit.redo },
        { type: 'separator' },
        { role: 'cut', label: labels.edit.cut },
        { role: 'copy', label: labels.edit.copy },
        { role: 'paste', label: labels.edit.paste },
        { role: 'selectAll', label: labels.edit.selectAll },
      ],
    },
    { label: labels.view.title, submenu: viewItems },
    {
      label: labels.language.title,
      // Each language is named in itself, so a person who cannot read the current UI still finds theirs.
      submenu: LANGS.map((itemLang) => ({
        type: 'radio' as const,
        label: LANG_SELF_NAMES[itemLang],
        checked: itemLang === lang,
        click: () => sendCommand({ type: 'setLanguage', lang: itemLang }),
      })),
    },
    {
      label: labels.help.title,
      submenu: [{ label: labels.help.about, click: () => sendCommand({ type: 'about' }) }],
    },
  ];
}
