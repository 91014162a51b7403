import CalendarMonthOutlined from '@mui/icons-material/CalendarMonthOutlined';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateInputEcho, parseDateInput } from '../../../shared/i18n/dateInput';
import type { Lang } from '../../../shared/i18n/lang';

export type DateFieldProps = Omit<TextFieldProps, 'type' | 'value' | 'onChange' | 'defaultValue'> & {
  lang: Lang;
  /** An ISO date ("2026-12-07") or ''. */
  value: string;
  /**
   * The ISO date typed or picked, '' when the field is emptied, or the raw text while it is not a
   * date (so a form's own check refuses it rather than keeping an older date unseen).
   */
  onValueChange: (value: string) => void;
};

/**
 * The app's date field, the same in both languages instead of the browser's locale (mm/dd/yyyy in
 * Chromium whatever the screen's language): a person types year first in the way they write it
 * (2026-12-07, 2026/12/7, 2026年12月7日, 2026-يىلى 12-ئاينىڭ 7-كۈنى — parseDateInput), or picks
 * from a calendar with the button; under the field the date is confirmed in words in the screen's
 * language, or a message says the text is not a date. The value is always ISO.
 */
export function DateField({ lang, value, onValueChange, helperText, error, slotProps, ...rest }: DateFieldProps) {
  const { t } = useTranslation('common');
  const [text, setText] = useState(value);
  const editing = useRef(false);
  const picker = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!editing.current) setText(value);
  }, [value]);

  const parsed = parseDateInput(text);
  const invalid = text.trim() !== '' && parsed === null;
  const shown = invalid ? t('dateField.invalid') : (helperText ?? (parsed ? dateInputEcho(parsed, lang) : undefined));
  const take = (next: string) => {
    setText(next);
    onValueChange(next.trim() === '' ? '' : (parseDateInput(next) ?? next));
  };
  const { htmlInput, input, inputLabel, ...otherSlots } = (slotProps ?? {}) as NonNullable<TextFieldProps['slotProps']>;

  return (
    <TextField
      {...rest}
      value={text}
      error={Boolean(error) || invalid}
      helperText={shown}
      onChange={(e) => {
        editing.current = true;
        take(e.target.value);
      }}
      onBlur={(e) => {
        editing.current = false;
        if (parsed !== null && parsed !== text) setText(parsed);
        rest.onBlur?.(e);
      }}
      slotProps={{
        ...otherSlots,
        inputLabel: { shrink: true, ...(inputLabel as object) },
        htmlInput: { dir: 'ltr', inputMode: 'numeric', placeholder: t('dateField.placeholder'), autoComplete: 'off', ...(htmlInput as object) },
        input: {
          ...(input as object),
          endAdornment: (
            <InputAdornment position="end">
              <IconButton size="small" edge="end" aria-label={t('dateField.pick')} title={t('dateField.pick')} onClick={() => picker.current?.showPicker?.()} disabled={rest.disabled}>
                <CalendarMonthOutlined fontSize="small" />
              </IconButton>
              {/* The browser's calendar, used only to pick: what it picks is shown in the field's own form. */}
              <input
                ref={picker}
                type="date"
                tabIndex={-1}
                aria-hidden
                value={parsed ?? ''}
                onChange={(e) => take(e.target.value)}
                style={{ position: 'absolute', insetInlineEnd: 0, bottom: 0, width: 1, height: 1, opacity: 0, pointerEvents: 'none', border: 0, padding: 0 }}
              />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
