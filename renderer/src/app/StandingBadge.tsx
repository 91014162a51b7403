import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { isolateLtr } from '../../../shared/i18n/format';
import type { Standing } from '../../../shared/trust/standing';
import { useLanguage } from './context';
import { useStanding } from './useStanding';

/** What the app bar says of this PC: its role and scope, or why it has none. */
export function standingText(standing: Standing, t: (key: string, values?: Record<string, unknown>) => string, lang: Parameters<typeof isolateLtr>[1]): string {
  switch (standing.state) {
    case 'alone':
      return t('standing.alone');
    case 'home-unverified':
      return t('standing.homeUnverified');
    case 'not-enrolled':
      return t('standing.notEnrolled');
    case 'revoked':
      return t('standing.revoked');
    case 'expired':
      return t('standing.expired');
    case 'not-yet-valid':
      return t('standing.notYetValid');
    case 'enrolled':
      return t('standing.scoped', { role: t(`standing.role.${standing.role}`), scope: isolateLtr(standing.scope, lang) });
  }
}

/**
 * This PC's role and scope, quietly in the app bar ("乡镇团干部 · LT-03", "未加入县"), with "示范" on
 * the demo county: what the screens offer follows from it.
 */
export function StandingBadge() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { standing } = useStanding();
  if (standing === undefined) return null;
  const demo = 'demo' in standing && standing.demo;
  return (
    <Typography variant="body2" component="div" data-testid="standing" data-state={standing.state} aria-label={t('standing.label')} sx={{ opacity: 0.85, marginInlineEnd: 2, whiteSpace: 'nowrap' }}>
      {demo ? t('standing.onDemo', { demo: t('standing.demo'), standing: standingText(standing, t, lang) }) : standingText(standing, t, lang)}
    </Typography>
  );
}
