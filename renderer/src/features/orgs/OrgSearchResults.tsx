import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Org } from '../../../../shared/domain/org';
import type { Lang } from '../../../../shared/i18n/lang';
import { BilingualName } from '../../components/BilingualName';

/** Enough to pick from; rendering thousands of lines on every keystroke is what would lag. */
export const RESULT_LIMIT = 200;

interface OrgSearchResultsProps {
  results: readonly Org[];
  lang: Lang;
  selectedId: string | null;
  onPick(org: Org): void;
  testId?: string;
}

/** Search results: code, name in the current language (marked where untranslated), kind. */
export function OrgSearchResults({ results, lang, selectedId, onPick, testId = 'org-results' }: OrgSearchResultsProps) {
  const { t } = useTranslation('orgs');
  const shown = results.slice(0, RESULT_LIMIT);
  return (
    <>
      <Typography role="status" variant="body2" color="text.secondary" sx={{ px: 1, pt: 1 }} data-testid={`${testId}-count`}>
        {results.length === 0 ? t('search.none') : t('search.count', { count: results.length })}
        {results.length > shown.length ? ` ${t('search.more', { shown: shown.length })}` : ''}
      </Typography>
      <List dense aria-label={t('search.results')} data-testid={testId}>
        {shown.map((org) => (
          <ListItem key={org.id} disablePadding>
            <ListItemButton
              selected={org.id === selectedId}
              onClick={() => onPick(org)}
              data-testid="org-result"
              data-code={org.code}
              sx={{ opacity: org.archived ? 0.55 : 1, gap: 1 }}
            >
              <ListItemText
                primary={<BilingualName text={org.name} lang={lang} />}
                secondary={
                  <>
                    <bdi dir="ltr">{org.code}</bdi>
                    {' · '}
                    {t(`common:orgKind.${org.kind}`)}
                  </>
                }
              />
              {org.archived ? <Chip size="small" variant="outlined" label={t('archivedMark')} /> : null}
            </ListItemButton>
          </ListItem>
        ))}
      </List>
    </>
  );
}
