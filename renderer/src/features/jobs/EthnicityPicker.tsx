import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ETHNIC_GROUPS, ethnicGroup, readEthnicity, searchEthnicGroups } from '../../../../shared/domain/ethnicity';
import type { Lang } from '../../../../shared/i18n/lang';

interface Props {
  /** As stored: a group's code, '' for none, or text an older build stored (kept until another is picked). */
  value: string;
  onChange(value: string): void;
  lang: Lang;
  disabled?: boolean;
}

/**
 * The ethnic group, picked from the standard list (type to filter: Chinese, pinyin, Uyghur in
 * either script, or the code). Each group shows its name in the reader's language with the other
 * language's after it, so a clerk who knows one name finds the group. A value an older build
 * stored as text that is no group's name stays as written, marked, until another is picked.
 */
export function EthnicityPicker({ value, onChange, lang, disabled }: Props) {
  const { t } = useTranslation('jobs');
  const read = readEthnicity(value);
  const asWritten = read?.kind === 'text' ? read.text : undefined;
  const options = useMemo(() => [...ETHNIC_GROUPS.map((g) => g.code), ...(asWritten !== undefined ? [asWritten] : [])], [asWritten]);
  const selected = read === undefined ? null : read.kind === 'group' ? read.group.code : read.text;
  const own = lang === 'ug' ? 'ug' : 'zh';
  const other = lang === 'ug' ? 'zh' : 'ug';
  // Stable between renders: the Autocomplete resets what is typed when its label function changes.
  const labelOf = useCallback(
    (option: string) => {
      const group = ethnicGroup(option);
      return group ? group.name[own] : t('placement.ethnicityAsWritten', { text: option });
    },
    [own, t],
  );
  return (
    <Autocomplete
      options={options}
      value={selected}
      onChange={(_e, picked) => onChange(picked ?? '')}
      getOptionLabel={labelOf}
      filterOptions={(all, state) => {
        const found = searchEthnicGroups(state.inputValue);
        return asWritten !== undefined && state.inputValue.trim() === '' ? [...found, asWritten] : found;
      }}
      disabled={disabled}
      autoHighlight
      noOptionsText={t('placement.ethnicityNoMatch')}
      renderOption={(props, option) => {
        const { key, ...rest } = props as typeof props & { key: string };
        const group = ethnicGroup(option);
        return (
          <Box component="li" key={key} {...rest} data-testid={`ethnicity-option-${group ? option : 'text'}`}>
            {labelOf(option)}
            {group ? (
              <Box component="span" lang={other === 'ug' ? 'ug' : 'zh-CN'} dir={other === 'ug' ? 'rtl' : 'ltr'} sx={{ color: 'text.secondary', mx: 1, unicodeBidi: 'isolate' }}>
                {group.name[other]}
              </Box>
            ) : null}
          </Box>
        );
      }}
      sx={{ flex: 1 }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('placement.ethnicity')}
          helperText={asWritten !== undefined ? t('placement.ethnicityAsWritten', { text: asWritten }) : t('placement.ethnicityHint')}
          inputProps={{ ...params.inputProps, dir: 'auto', 'data-testid': 'placement-ethnicity' }}
        />
      )}
    />
  );
}
