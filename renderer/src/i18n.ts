import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { MESSAGE_FORMATS } from '../../shared/i18n/interpolate';
import { DEFAULT_LANG, directionOf, isLang, type Lang } from '../../shared/i18n/lang';
import { APP_NAMESPACES } from './app/features';

const files = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/*.json', { eager: true });

function resourcesFor(lang: Lang): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  // The shell's namespaces and those its features declare (app/features.ts).
  for (const ns of APP_NAMESPACES) {
    const file = files[`../../locales/${lang}/${ns}.json`];
    if (!file) throw new Error(`missing locale file locales/${lang}/${ns}.json`);
    out[ns] = file.default;
  }
  return out;
}

const LANG_KEY = 'leagueDesk.lang';

/** The language the person chose last time on this PC, else Chinese. */
export function rememberedLang(storage: Pick<Storage, 'getItem'> = localStorage): Lang {
  const stored = storage.getItem(LANG_KEY);
  return isLang(stored) ? stored : DEFAULT_LANG;
}

export function rememberLang(lang: Lang, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(LANG_KEY, lang);
}

/** Mirrors the language onto <html lang dir>, which screen readers, fonts and CSS read. */
export function applyDocumentLang(lang: Lang, doc: Document = document): void {
  doc.documentElement.lang = lang;
  doc.documentElement.dir = directionOf(lang);
}

export async function createI18n(lang: Lang): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: false,
    supportedLngs: ['zh-CN', 'ug'],
    ns: [...APP_NAMESPACES],
    defaultNS: 'common',
    resources: { 'zh-CN': resourcesFor('zh-CN'), ug: resourcesFor('ug') },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // `{{contest, locative}}`: the Uyghur case endings, the same formats the reports and the command
  // line fill (shared/i18n/interpolate.ts).
  for (const [name, format] of Object.entries(MESSAGE_FORMATS)) instance.services.formatter?.add(name, (value) => format(String(value)));
  return instance;
}
