import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useTranslation } from 'react-i18next';
import { LANG_SELF_NAMES, LANGS, isLang } from '../../../shared/i18n/lang';
import { useLanguage } from './context';

/** Each language in its own name and its own direction, whatever the current UI language is. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { lang, switchLang } = useLanguage();
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={lang}
      aria-label={t('language.label')}
      onChange={(_, next) => isLang(next) && void switchLang(next)}
      sx={{ bgcolor: 'background.paper' }}
    >
      {LANGS.map((l) => (
        <ToggleButton
          key={l}
          value={l}
          lang={l}
          dir={l === 'ug' ? 'rtl' : 'ltr'}
          data-testid={`lang-${l}`}
          sx={{ px: 1.5, textTransform: 'none', fontFamily: l === 'ug' ? '"Noto Naskh Arabic"' : '"Noto Sans SC"' }}
        >
          {LANG_SELF_NAMES[l]}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
