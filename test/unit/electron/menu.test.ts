import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../shared/bridge';
import { LANGS, LANG_SELF_NAMES, type Lang } from '../../../shared/i18n/lang';
import zhMenu from '../../../locales/zh-CN/menu.json';
import ugMenu from '../../../locales/ug/menu.json';
import { createLanguageMenu } from '../../../electron/languageMenu';
import { buildMenuTemplate } from '../../../electron/menu';
import { menuLabelsFor } from '../../../electron/menuLabels';
import { BRIDGE_CHANNELS } from '../../../shared/bridge';
import { createBridgeHarness } from './fakes';

function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? allItems(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

function template(lang: Lang, isDev = false, commands: MenuCommand[] = []) {
  return buildMenuTemplate({ lang, labels: menuLabelsFor(lang), isDev, sendCommand: (c) => commands.push(c) });
}

function languageItems(items: MenuItemConstructorOptions[]) {
  return allItems(items).filter((item) => item.type === 'radio');
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

function flatten(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) => flatten(child, prefix ? `${prefix}.${key}` : key));
}

describe.each(LANGS)('the application menu in %s', (lang) => {
  it('labels every item, separators aside', () => {
    const items = allItems(template(lang, true)).filter((item) => item.type !== 'separator');

    expect(items.length).toBeGreaterThan(15);
    for (const item of items) expect(item.label?.trim(), JSON.stringify(item)).toBeTruthy();
  });

  it('takes its titles from the language file', () => {
    const labels = menuLabelsFor(lang);

    expect(template(lang).map((menu) => menu.label)).toEqual([
      labels.file.title,
      labels.edit.title,
      labels.view.title,
      labels.language.title,
      labels.help.title,
    ]);
  });

  it('checks the current language and offers each language in its own name', () => {
    const radios = languageItems(template(lang));

    expect(radios.map((item) => item.label)).toEqual(LANGS.map((each) => LANG_SELF_NAMES[each]));
    expect(radios.filter((item) => item.checked).map((item) => item.label)).toEqual([LANG_SELF_NAMES[lang]]);
  });

  it('keeps the standard editing and window actions as platform roles', () => {
    const roles = allItems(template(lang)).map((item) => item.role).filter(Boolean);

    expect(roles).toEqual([
      'quit',
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
  });
});

describe('application menu commands', () => {
  it('choosing a language asks the renderer to switch; the menu itself changes nothing', () => {
    const commands: MenuCommand[] = [];
    const uyghur = languageItems(template('zh-CN', false, commands)).find((item) => item.label === LANG_SELF_NAMES.ug);

    click(uyghur);

    expect(commands).toEqual([{ type: 'setLanguage', lang: 'ug' }]);
  });

  it('Help › About asks the renderer to show the about box', () => {
    const commands: MenuCommand[] = [];
    const about = allItems(template('ug', false, commands)).find((item) => item.label === ugMenu.help.about);

    click(about);

    expect(commands).toEqual([{ type: 'about' }]);
  });

  it('offers Reload only in development, where losing form input does not matter', () => {
    const roles = (isDev: boolean) => allItems(template('zh-CN', isDev)).map((item) => item.role);

    expect(roles(true)).toContain('reload');
    expect(roles(false)).not.toContain('reload');
  });
});

describe('switching language rebuilds the menu', () => {
  it('installs a menu at start, and a new one in the language the renderer sets', async () => {
    const installed: MenuItemConstructorOptions[][] = [];
    const languageMenu = createLanguageMenu({
      initialLang: 'zh-CN',
      isDev: false,
      sendCommand: () => {},
      install: (menu) => installed.push(menu),
    });
    const bridge = createBridgeHarness({
      currentLang: languageMenu.current,
      onLanguageChanged: languageMenu.setLanguage,
    });

    await bridge.invoke(BRIDGE_CHANNELS.setLanguage, 'ug');

    expect(installed).toHaveLength(2);
    expect(installed[0]?.[0]?.label).toBe(zhMenu.file.title);
    expect(installed[1]?.[0]?.label).toBe(ugMenu.file.title);
    expect(languageItems(installed[1] ?? []).find((item) => item.checked)?.label).toBe(LANG_SELF_NAMES.ug);
    expect(languageMenu.current()).toBe('ug');
  });
});

describe('locales/*/menu.json', () => {
  it('has exactly the same keys in Chinese and Uyghur', () => {
    const keys = (labels: unknown) => flatten(labels).map(([key]) => key).sort();

    expect(keys(ugMenu)).toEqual(keys(zhMenu));
  });

  it('has a non-empty text for every key in both languages', () => {
    for (const [key, value] of [...flatten(zhMenu), ...flatten(ugMenu)]) {
      expect(typeof value === 'string' && value.trim() !== '', key).toBe(true);
    }
  });

  it('is written in Arabic script in Uyghur, not left in Chinese', () => {
    for (const [key, value] of flatten(ugMenu)) {
      expect(String(value), key).toMatch(/[\u0600-\u06FF]/);
      expect(String(value), key).not.toMatch(/[\u4E00-\u9FFF]/);
    }
  });

  it('names every file type the bridge schema allows', async () => {
    const { fileFilterSchema } = await import('../../../shared/bridge');
    const nameKeys = fileFilterSchema.shape.nameKey.options;

    expect(Object.keys(zhMenu.fileTypes).sort()).toEqual([...nameKeys].sort());
  });
});
