import createCache, { type EmotionCache } from '@emotion/cache';
import { createTheme, type Theme } from '@mui/material/styles';
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

export function createAppTheme(lang: Lang): Theme {
  return createTheme({
    direction: directionOf(lang),
    palette: {
      primary: { main: '#b71c1c' },
      secondary: { main: '#1565c0' },
      background: { default: '#f6f6f4' },
    },
    typography: {
      fontFamily: FONT_STACK[lang],
      // Naskh has tall ascenders and deep descenders; Arabic script needs more line height.
      body1: { lineHeight: lang === 'ug' ? 1.9 : 1.6 },
      body2: { lineHeight: lang === 'ug' ? 1.8 : 1.5 },
    },
    shape: { borderRadius: 6 },
  });
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
