import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { DateField } from '../../renderer/src/components/DateField';
import { createI18n } from '../../renderer/src/i18n';

/** A form holding one date, showing what it holds. */
function Form({ lang, start }: { lang: 'zh-CN' | 'ug'; start: string }) {
  const [value, setValue] = useState(start);
  return (
    <>
      <DateField lang={lang} label="date" value={value} onValueChange={setValue} slotProps={{ htmlInput: { 'data-testid': 'date' } }} />
      <output data-testid="held">{value}</output>
    </>
  );
}

async function renderForm(lang: 'zh-CN' | 'ug', start = '') {
  const i18n = await createI18n(lang);
  render(
    <I18nextProvider i18n={i18n}>
      <Form lang={lang} start={start} />
    </I18nextProvider>,
  );
  return { input: screen.getByTestId('date') as HTMLInputElement, held: () => screen.getByTestId('held').textContent };
}

describe('the date field, the same in both languages', () => {
  it('takes a date typed the Chinese way, holds it as ISO, confirms it in words and shows it year first once left', async () => {
    const { input, held } = await renderForm('zh-CN');
    expect(input.type).toBe('text');
    expect(input.placeholder).toBe('年-月-日');
    fireEvent.change(input, { target: { value: '2026年12月7日' } });
    expect(held()).toBe('2026-12-07');
    expect(screen.getByText('2026年12月7日', { selector: 'p' })).toBeTruthy();
    fireEvent.blur(input);
    expect(input.value).toBe('2026-12-07');
  });

  it('in Uyghur, confirms in Uyghur; text that is not a date is said so and passed on as it is, so the form refuses it', async () => {
    const { input, held } = await renderForm('ug', '2026-01-20');
    expect(input.value).toBe('2026-01-20');
    expect(screen.getByText('2026-يىلى 1-ئاينىڭ 20-كۈنى')).toBeTruthy();
    fireEvent.change(input, { target: { value: '12/07/2026' } });
    expect(held()).toBe('12/07/2026');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/چېسلا ئەمەس/u)).toBeTruthy();
    fireEvent.change(input, { target: { value: '' } });
    expect(held()).toBe('');
    expect(input.getAttribute('aria-invalid')).toBe('false');
  });

  it('offers the calendar by a labelled button in the screen language', async () => {
    await renderForm('ug');
    expect(screen.getByRole('button', { name: 'كالېنداردىن چېسلا تاللاش' })).toBeTruthy();
  });
});
