import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { checkDeviceName, DEVICE_NAME_MAX, type DeviceNameProblem } from '../../../shared/sync/pcName';
import { formatInteger } from '../../../shared/i18n/format';
import type { Lang } from '../../../shared/i18n/lang';

/** Why a typed name cannot be kept, or null when it can. An empty field is allowed only when `optional`. */
export function pcNameProblem(typed: string, optional: boolean): DeviceNameProblem | null {
  const checked = checkDeviceName(typed);
  if (checked.ok || (optional && checked.reason === 'empty')) return null;
  return checked.reason;
}

/** The field where a person names this PC: at first start and on the About page. */
export function PcNameField({
  value,
  onChange,
  lang,
  optional = false,
  onEnter,
  ...props
}: { value: string; onChange(value: string): void; lang: Lang; optional?: boolean; onEnter?(): void } & Omit<TextFieldProps, 'value' | 'onChange'>) {
  const { t } = useTranslation();
  // An untouched empty field is not an error yet; whoever submits checks pcNameProblem itself.
  const problem = value === '' ? null : pcNameProblem(value, optional);
  return (
    <TextField
      label={t('pc.label')}
      placeholder={t('pc.placeholder')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && onEnter) onEnter();
      }}
      error={problem !== null}
      helperText={problem ? t(`pc.errors.${problem}`, { max: formatInteger(DEVICE_NAME_MAX, lang) }) : t('pc.help')}
      slotProps={{ htmlInput: { maxLength: DEVICE_NAME_MAX + 20, 'data-testid': 'pc-name-input' } }}
      {...props}
    />
  );
}
