import createCache, { type EmotionCache } from '@emotion/cache';
import { zhCN, type Localization } from '@mui/material/locale';
import { createTheme, type Theme } from '@mui/material/styles';
import type { TFunction } from 'i18next';
import { prefixer } from 'stylis';
import rtlPlugin from 'stylis-plugin-rtl';
import { directionOf, type Lang } from '../../../shared/i18n/lang';

/**
 * Fonts ship with the app (see main.tsx), nothing is fetched. Uyghur is set in Noto Naskh Arabic,
 * which covers every Uyghur letter and shapes them; Chinese in Noto Sans SC. Each language lists the
 * other's font next, because bilingual names put both scripts on one screen.
 */
const FONT_STACK: Record<Lang, string> = {
  'zh-CN': '"Noto Sans SC", "Noto Naskh Arabic", system-ui, sans-serif',
  ug: '"Noto Naskh Arabic", "Noto Sans SC", system-ui, sans-serif',
};

/**
 * MUI's own words (pagination, close buttons, pickers): Chinese from MUI's zhCN; MUI has no
 * Uyghur, so ours comes from `common:mui.*`, translated like every other string.
 */
function uyghurMuiText(t: TFunction): Localization {
  return {
    components: {
      MuiBreadcrumbs: { defaultProps: { expandText: t('mui.expand') } },
      MuiTablePagination: {
        defaultProps: {
          getItemAriaLabel: (type) => t(`mui.page.${type}`),
          labelRowsPerPage: t('mui.rowsPerPage'),
          labelDisplayedRows: ({ from, to, count }) =>
            count !== -1 ? t('mui.displayedRows', { from, to, count }) : t('mui.displayedRowsAtLeast', { from, to }),
        },
      },
      MuiRating: { defaultProps: { getLabelText: (value) => t('mui.stars', { value }), emptyLabelText: t('mui.noRating') } },
      MuiAutocomplete: {
        defaultProps: {
          clearText: t('mui.clear'),
          closeText: t('mui.close'),
          loadingText: t('loading'),
          noOptionsText: t('mui.noOptions'),
          openText: t('mui.open'),
        },
      },
      MuiAlert: { defaultProps: { closeText: t('mui.close') } },
    },
  };
}

/** `t` is the `common` namespace in `lang` (MUI's Uyghur text is built from it). */
export function createAppTheme(lang: Lang, t: TFunction): Theme {
  return createTheme({
    direction: directionOf(lang),
    palette: {
      primary: { main: '#b71c1c' },
      secondary: { main: '#1565c0' },
      // MUI's orange (#ed6c02) is 3.1:1 against white, both as text and under white chip text
      // ("已过期"); this one is 5:1 either way (WCAG AA, checked by axe in test/e2e/a11y.test.ts).
      warning: { main: '#b45309' },
      // Likewise MUI's light blue (#0288d1) under white text on filled notices: 3.9:1; this is 4.8:1.
      info: { main: '#0277bd' },
      background: { default: '#f6f6f4' },
    },
    typography: {
      fontFamily: FONT_STACK[lang],
      // Naskh has tall ascenders and deep descenders; Arabic script needs more line height.
      body1: { lineHeight: lang === 'ug' ? 1.9 : 1.6 },
      body2: { lineHeight: lang === 'ug' ? 1.8 : 1.5 },
    },
    shape: { borderRadius: 6 },
  }, lang === 'zh-CN' ? zhCN : uyghurMuiText(t));
}

/**
 * Emotion caches: the RTL one runs stylis-plugin-rtl so every margin, padding and position that
 * MUI writes for left-to-right is mirrored. Two caches with different keys, switched at runtime,
 * so no reload is needed.
 */
export const emotionCaches: Record<'ltr' | 'rtl', EmotionCache> = {
  ltr: createCache({ key: 'mui', prepend: true }),
  rtl: createCache({ key: 'muirtl', stylisPlugins: [prefixer, rtlPlugin], prepend: true }),
};
