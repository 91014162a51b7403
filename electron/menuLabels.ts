import type { Lang } from '../shared/i18n/lang';
import zhCNMenu from '../locales/zh-CN/menu.json';
import ugMenu from '../locales/ug/menu.json';

/** The shape of locales/<lang>/menu.json; zh-CN is the reference, ug must match it key for key. */
export type MenuLabels = typeof zhCNMenu;
export type FileTypeLabels = MenuLabels['fileTypes'];

// The annotation makes a key missing from the Uyghur file a type error, not a blank menu item.
const ug: MenuLabels = ugMenu;

const LABELS: Record<Lang, MenuLabels> = { 'zh-CN': zhCNMenu, ug };

export function menuLabelsFor(lang: Lang): MenuLabels {
  return LABELS[lang];
}

/**
 * The menu language before the renderer has said which one it uses: Uyghur if the system asks for
 * it, Chinese otherwise (the app's default language).
 */
export function langFromSystemLocale(locale: string): Lang {
  return locale.toLowerCase().startsWith('ug') ? 'ug' : 'zh-CN';
}
