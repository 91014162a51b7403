import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { BilingualName } from '../../renderer/src/components/BilingualName';
import { createI18n } from '../../renderer/src/i18n';

async function renderName(text: { zh?: string; ug?: string }, lang: 'zh-CN' | 'ug') {
  const i18n = await createI18n(lang);
  return render(
    <I18nextProvider i18n={i18n}>
      <BilingualName text={text} lang={lang} />
    </I18nextProvider>,
  );
}

describe('a bilingual name', () => {
  it('shows the name in the current language without a mark', async () => {
    const { container } = await renderName({ zh: '轮台县', ug: 'بۈگۈر' }, 'ug');
    expect(container.textContent).toBe('بۈگۈر');
    expect(screen.queryByTestId('not-translated')).toBeNull();
  });

  it('falls back to the other language, isolated in its own direction, with the "not translated" mark', async () => {
    const { container } = await renderName({ zh: '轮台镇团委' }, 'ug');
    const bdi = container.querySelector('bdi')!;
    expect(bdi.textContent).toBe('轮台镇团委');
    expect(bdi.getAttribute('lang')).toBe('zh-CN');
    expect(screen.getByTestId('not-translated').textContent).toBe('تەرجىمە قىلىنمىغان');
  });

  it('treats a blank translation as missing', async () => {
    await renderName({ zh: '草湖乡团委', ug: '  ' }, 'ug');
    expect(screen.getByTestId('not-translated')).toBeTruthy();
  });
});
