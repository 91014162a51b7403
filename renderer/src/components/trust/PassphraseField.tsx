import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { isStrongEnough, MIN_PASSPHRASE_LENGTH } from '../../../../shared/trust/sealedKey';

export type PassphraseProblem = 'empty' | 'weak' | 'mismatch';

/** What is wrong with a new passphrase (typed twice), or undefined. */
export function newPassphraseProblem(passphrase: string, again: string): PassphraseProblem | undefined {
  if (passphrase === '') return 'empty';
  if (!isStrongEnough(passphrase)) return 'weak';
  if (passphrase !== again) return 'mismatch';
  return undefined;
}

/** The county authority's passphrase: typed once to open it, or twice (`confirm`) to choose it. */
export function PassphraseField({
  value,
  onChange,
  kind,
  problem,
  disabled,
  testId,
  autoFocus,
}: {
  value: string;
  onChange: (value: string) => void;
  kind: 'enter' | 'choose' | 'confirm';
  /** Shown under the field once the person has tried to go on. */
  problem?: PassphraseProblem | 'wrong';
  disabled?: boolean;
  testId: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('pcs');
  const help = problem ? t(`passphrase.problem.${problem}`, { min: MIN_PASSPHRASE_LENGTH }) : kind === 'choose' ? t('passphrase.chooseHelp', { min: MIN_PASSPHRASE_LENGTH }) : undefined;
  return (
    <TextField
      type="password"
      label={t(`passphrase.${kind}`)}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={problem !== undefined}
      helperText={help}
      disabled={disabled}
      autoFocus={autoFocus}
      autoComplete={kind === 'enter' ? 'current-password' : 'new-password'}
      fullWidth
      slotProps={{ htmlInput: { 'data-testid': testId } }}
    />
  );
}
