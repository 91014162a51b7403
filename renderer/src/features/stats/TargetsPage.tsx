import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORG_KINDS, SCHOOL_LEVELS } from '../../../../shared/domain/org';
import type { Target, TargetScope } from '../../../../shared/domain/stats';
import { codeAndName, formatPercent } from '../../../../shared/i18n/format';
import { CONTROL_RATIO_DEFAULTS_2023, targetRowId } from '../../../../shared/stats/targets';
import { targetWrites } from '../../../../shared/stats/writes';
import { useLanguage, useNotify } from '../../app/context';
import { useStatsWrite } from '../../app/useStatsWrite';
import { useStatsData } from './useStatsData';
import { useStanding } from '../../app/useStanding';
import { TARGET_TABLE } from '../../../../shared/stats/tables';

/** A percentage as typed ("30", "30%", "٣٠") → a fraction, or null for an empty field; undefined when not a percentage. */
function parsePercent(text: string): number | null | undefined {
  const trimmed = text.replace(/[%٪\s]/g, '');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value / 100 : undefined;
}

/**
 * Control ratios (members ÷ youth 14–28 not to exceed): per school level — with the 2023 guidance
 * as defaults — per organisation kind, and per organisation. Policy changes, so every one is editable.
 */
export function TargetsPage() {
  const { t } = useTranslation('stats');
  const notify = useNotify();
  const { lang } = useLanguage();
  const data = useStatsData({ reports: false });
  const writeStats = useStatsWrite();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [orgId, setOrgId] = useState('');
  // Targets are the county's: elsewhere they are shown, not offered for editing.
  const mayEdit = useStanding().canWriteTable(TARGET_TABLE.name);
  if (!data) return null;
  const county = data.county;
  const byId = new Map(data.targets.map((x) => [x.id, x]));
  const shown = (x: Target | undefined, fallback: number | null) => {
    const ratio = x ? x.maxRatio : fallback;
    return ratio === null ? '' : String(Math.round(ratio * 1000) / 10);
  };

  async function save(appliesTo: TargetScope, subject: string) {
    const id = targetRowId(appliesTo, subject);
    const ratio = parsePercent(drafts[id] ?? '');
    if (ratio === undefined) return notify({ severity: 'error', key: 'stats:targets.invalid' });
    if (!(await writeStats(targetWrites(county, appliesTo, subject, ratio)))) return;
    setDrafts((d) => {
      const { [id]: _saved, ...rest } = d;
      return rest;
    });
    notify({ severity: 'success', key: 'stats:targets.saved' });
  }

  const row = (appliesTo: TargetScope, subject: string, label: string, fallback: number | null, hint?: string) => {
    const id = targetRowId(appliesTo, subject);
    const value = drafts[id] ?? shown(byId.get(id), fallback);
    return (
      <TableRow key={id} data-target={id}>
        <TableCell>{label}</TableCell>
        <TableCell>{hint ?? ''}</TableCell>
        <TableCell>
          <TextField
            size="small"
            dir="ltr"
            value={value}
            onChange={(e) => setDrafts((d) => ({ ...d, [id]: e.target.value }))}
            slotProps={{ htmlInput: { inputMode: 'decimal', dir: 'ltr', 'aria-label': label, readOnly: !mayEdit, style: { width: 80 } }, input: { endAdornment: '%' } }}
          />
        </TableCell>
        {mayEdit ? (
          <TableCell>
            <Button size="small" disabled={drafts[id] === undefined} onClick={() => save(appliesTo, subject)}>
              {t('targets.save')}
            </Button>
          </TableCell>
        ) : null}
      </TableRow>
    );
  };

  return (
    <Stack spacing={2} data-testid="targets">
      <Typography variant="h4" component="h1">
        {t('targets.title')}
      </Typography>
      <Typography color="text.secondary">{t('targets.intro')}</Typography>
      <Paper variant="outlined">
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('targets.subject')}</TableCell>
              <TableCell>{t('targets.source')}</TableCell>
              <TableCell>{t('targets.maxRatio')}</TableCell>
              {mayEdit ? <TableCell>{t('common:columns.actions')}</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {SCHOOL_LEVELS.map((level) =>
              row('schoolLevel', level, t(`targets.levels.${level}`), CONTROL_RATIO_DEFAULTS_2023[level], t('targets.default2023', { ratio: formatPercent(CONTROL_RATIO_DEFAULTS_2023[level], lang, 0) })),
            )}
            {ORG_KINDS.filter((k) => k !== 'county').map((kind) => row('kind', kind, t(`common:orgKind.${kind}`), null))}
            {data.targets
              .filter((x) => x.appliesTo === 'org')
              .map((x) => {
                const org = data.orgById.get(x.subject);
                return row('org', x.subject, org ? codeAndName(org.code, org.name, lang) : x.subject, null);
              })}
          </TableBody>
        </Table>
      </Paper>
      {mayEdit ? (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField select size="small" label={t('targets.addOrg')} value={orgId} onChange={(e) => setOrgId(e.target.value)} sx={{ minWidth: 300 }}>
          {data.orgs
            .filter((o) => o.kind !== 'county' && !byId.has(targetRowId('org', o.id)))
            .sort((a, b) => (a.code < b.code ? -1 : 1))
            .map((o) => (
              <MenuItem key={o.id} value={o.id}>
                {codeAndName(o.code, o.name, lang)}
              </MenuItem>
            ))}
        </TextField>
        <Button
          disabled={!orgId}
          onClick={() => {
            setDrafts((d) => ({ ...d, [targetRowId('org', orgId)]: '' }));
            void writeStats(targetWrites(county, 'org', orgId, null));
            setOrgId('');
          }}
        >
          {t('targets.add')}
        </Button>
      </Stack>
      ) : null}
    </Stack>
  );
}
