import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import { useTranslation } from 'react-i18next';
import { pickText, type BilingualText, type Lang } from '../../../shared/i18n/lang';

/**
 * A name in the current language; where it has not been translated yet, the other language's name
 * in its own direction, with a small mark so staff can see what still needs translating.
 */
export function BilingualName({ text, lang }: { text: BilingualText; lang: Lang }) {
  const { t } = useTranslation();
  const { text: shown, translated } = pickText(text, lang);
  if (translated) return <>{shown}</>;
  const otherLang = lang === 'ug' ? 'zh-CN' : 'ug';
  return (
    // In a narrow column the mark goes under the name rather than squeezing it to a character a line.
    <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 0.5 }}>
      <bdi lang={otherLang}>{shown}</bdi>
      <Tooltip title={t('notTranslated.hint')}>
        <Box
          component="span"
          data-testid="not-translated"
          sx={{ fontSize: '0.7em', color: 'text.secondary', border: 1, borderColor: 'divider', borderRadius: 1, px: 0.5, whiteSpace: 'nowrap' }}
        >
          {t('notTranslated.mark')}
        </Box>
      </Tooltip>
    </Box>
  );
}
