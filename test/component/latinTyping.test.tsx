import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { installLatinTyping } from '../../renderer/src/app/latinTyping';

let on = true;
let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
  on = true;
});

/** A controlled field as the app's forms have them: React state is what gets saved. */
function Field({ lang, onValue }: { lang: string; onValue: (value: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <input
      data-testid="field"
      lang={lang}
      value={value}
      onChange={(e) => {
        setValue(e.target.value);
        onValue(e.target.value);
      }}
    />
  );
}

describe('typing Uyghur in Latin script (ULY) with the switch on', () => {
  it('turns each Latin word into Arabic script when it ends, and React state holds the Arabic', () => {
    uninstall = installLatinTyping(document, () => on);
    let saved = '';
    render(<Field lang="ug" onValue={(v) => (saved = v)} />);
    const field = screen.getByTestId<HTMLInputElement>('field');
    // What the browser does on each keystroke: the new value, then an input event. (user-event keeps
    // its own copy of the value and would type over the conversion, which a browser does not.)
    fireEvent.input(field, { target: { value: 'bügür ' } });
    expect(field.value).toBe('بۈگۈر ');
    expect(saved).toBe('بۈگۈر ');
    fireEvent.input(field, { target: { value: 'بۈگۈر yéza,' } });
    expect(field.value).toBe('بۈگۈر يېزا,');
    expect(saved).toBe('بۈگۈر يېزا,');
    // Not at a word's end: left for the next keystroke.
    fireEvent.input(field, { target: { value: 'بۈگۈر يېزا, baz' } });
    expect(saved).toBe('بۈگۈر يېزا, baz');
  });

  it('converts the last word when the field loses focus', async () => {
    uninstall = installLatinTyping(document, () => on);
    let saved = '';
    render(<Field lang="ug" onValue={(v) => (saved = v)} />);
    const user = userEvent.setup();
    await user.type(screen.getByTestId('field'), "mes'ul");
    await user.tab();
    expect(saved).toBe('مەسئۇل');
  });

  it('leaves Chinese fields, and every field with the switch off, as typed', async () => {
    uninstall = installLatinTyping(document, () => on);
    const user = userEvent.setup();
    render(<Field lang="zh-CN" onValue={() => undefined} />);
    await user.type(screen.getByTestId('field'), 'lunt ');
    expect(screen.getByTestId<HTMLInputElement>('field').value).toBe('lunt ');
  });

  it('does nothing while the switch is off', async () => {
    on = false;
    uninstall = installLatinTyping(document, () => on);
    const user = userEvent.setup();
    render(<Field lang="ug" onValue={() => undefined} />);
    await user.type(screen.getByTestId('field'), 'bugur ');
    expect(screen.getByTestId<HTMLInputElement>('field').value).toBe('bugur ');
  });
});
