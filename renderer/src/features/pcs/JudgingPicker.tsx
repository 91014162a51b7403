import FormHelperText from '@mui/material/FormHelperText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Contest } from '../../../../shared/contests/rows';
import { isolateName } from '../../../../shared/i18n/format';
import { pickText } from '../../../../shared/i18n/lang';
import type { Certificate } from '../../../../shared/trust/certificate';
import { useLanguage } from '../../app/context';

export type Judging = NonNullable<Certificate['judging']>;

/**
 * What a judge's certificate assigns: for each contest it scores, the judge (of the contest's own
 * list) it scores as. The score rule (shared/contests/rules.ts) lets it write only those judges'
 * scores in those contests, and its PC shows only their blind judging. One select per contest,
 * "not judging" first, so the keyboard reaches and changes each in turn.
 */
export function JudgingPicker({ contests, value, onChange, disabled }: { contests: readonly Contest[]; value: Judging; onChange(next: Judging): void; disabled: boolean }) {
  const { t } = useTranslation('pcs');
  const { lang } = useLanguage();
  const judgeIn = (contest: string) => value.find((a) => a.contest === contest)?.judge ?? '';
  const choose = (contest: string, judge: string) => onChange([...value.filter((a) => a.contest !== contest), ...(judge === '' ? [] : [{ contest, judge }])]);
  return (
    <Stack spacing={1.5} role="group" aria-labelledby="issue-judging-label" data-testid="issue-judging">
      <Typography id="issue-judging-label" variant="subtitle2" component="p">
        {t('issue.judging')}
      </Typography>
      {contests.length === 0 ? (
        <Typography color="text.secondary" data-testid="issue-judging-none">
          {t('issue.noContests')}
        </Typography>
      ) : (
        <>
          <FormHelperText sx={{ mt: 0 }}>{t('issue.judgingHelp')}</FormHelperText>
          {contests.map((c) =>
            c.judges.length === 0 ? (
              // Not a disabled field: its greyed text would be hard to read, and there is nothing to choose.
              <Typography key={c.id} variant="body2" color="text.secondary" data-testid={`issue-judge-none-${c.id}`}>
                {t('issue.noJudges', { contest: isolateName(pickText(c.title, lang).text) })}
              </Typography>
            ) : (
              <TextField
                key={c.id}
                select
                size="small"
                label={pickText(c.title, lang).text}
                value={judgeIn(c.id)}
                onChange={(e) => choose(c.id, e.target.value)}
                disabled={disabled}
                slotProps={{ htmlInput: { 'data-testid': `issue-judge-${c.id}` } }}
              >
                <MenuItem value="">{t('issue.notJudging')}</MenuItem>
                {c.judges.map((j) => (
                  <MenuItem key={j.id} value={j.id} data-testid={`issue-judge-option-${j.id}`}>
                    {j.name}
                  </MenuItem>
                ))}
              </TextField>
            ),
          )}
        </>
      )}
    </Stack>
  );
}
