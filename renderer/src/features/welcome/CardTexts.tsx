import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { generateDemoCounty } from '../../../../shared/demo/luntai';
import { outlineDemo } from '../../../../shared/demo/summary';
import { formatInteger, isolateLtr } from '../../../../shared/i18n/format';
import { useLanguage } from '../../app/context';

/*
 * The cards' texts that carry values: numbers formatted per language, and left-to-right runs
 * isolated inside Uyghur sentences.
 */

/**
 * What loading the demo brings, counted from the demo itself (outlineDemo), in the Overview's
 * terms: the organisations directly under the county committee, of which the grassroots committees
 * are a part, so the card and the Overview's list of 17 agree.
 */
export function DemoDescription() {
  const { t } = useTranslation('welcome');
  const { lang } = useLanguage();
  const outline = useMemo(() => outlineDemo(generateDemoCounty()), []);
  const count = (n: number) => formatInteger(n, lang);
  return (
    <Typography color="text.secondary" data-testid="demo-description">
      {t('demo.description', {
        underCounty: count(outline.underCounty),
        grassroots: count(outline.grassrootsCommittees),
        working: count(outline.workingCommittees),
        generalBranches: count(outline.generalBranches),
        branches: count(outline.branches),
        members: count(outline.members),
        // A year is not a count: no group separator, and "2025-يىللىق" reads right unmarked.
        year: outline.period,
      })}
    </Typography>
  );
}

/** Receiving the county's file: its file type named as a left-to-right run. */
export function ReceiveDescription() {
  const { t } = useTranslation('welcome');
  const { lang } = useLanguage();
  return <Typography color="text.secondary">{t('receive.description', { extension: isolateLtr('.leaguesync', lang) })}</Typography>;
}
