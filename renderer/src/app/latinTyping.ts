import { arabicFromUly } from '../../../shared/i18n/uly';

/*
 * Typing Uyghur on a PC without a Uyghur keyboard: with Latin typing on (the "ULY" switch in the
 * app bar), a word typed in Uyghur Latin script (ULY) in any Uyghur text field — an input or
 * textarea marked lang="ug" or dir="rtl" — becomes Arabic script when it ends: at a space or
 * punctuation, and when the field loses focus. `bugur ` gives `بۈگۈر `. The conversion is
 * shared/i18n/uly.ts; one listener on the document serves every field.
 */

const STORAGE_KEY = 'leagueDesk.latinTyping';
/** A Latin word just before the end of `text`: ULY letters and apostrophes. */
const LATIN_WORD = /[A-Za-zÉÖÜËéöüë'’\u0301\u0308]+$/u;
const WORD_END = /[\s.,;:?!،؛؟)»]/u;

export function rememberedLatinTyping(storage: Pick<Storage, 'getItem'> = localStorage): boolean {
  return storage.getItem(STORAGE_KEY) === 'on';
}

export function rememberLatinTyping(on: boolean, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(STORAGE_KEY, on ? 'on' : 'off');
}

type TextField = HTMLInputElement | HTMLTextAreaElement;

function uyghurField(target: EventTarget | null): TextField | null {
  const view = (target as Node | null)?.ownerDocument?.defaultView;
  if (!view || !(target instanceof view.HTMLInputElement || target instanceof view.HTMLTextAreaElement)) return null;
  if (target instanceof view.HTMLInputElement && !['text', 'search', ''].includes(target.type)) return null;
  return target.lang === 'ug' || target.dir === 'rtl' ? target : null;
}

/** Sets a field's value so React's onChange sees it: through the prototype's setter, not React's. */
function setValue(field: TextField, value: string, caret: number): void {
  const proto = Object.getPrototypeOf(field) as object;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
  field.setSelectionRange(caret, caret);
}

/** The text with the Latin word that ends at `end` converted, and where that word now ends. */
function convertWordBefore(text: string, end: number): { text: string; end: number } | null {
  const before = text.slice(0, end);
  const word = LATIN_WORD.exec(before)?.[0];
  if (!word) return null;
  const arabic = arabicFromUly(word);
  return { text: before.slice(0, before.length - word.length) + arabic + text.slice(end), end: end - word.length + arabic.length };
}

/**
 * Listens on `doc` while `isOn()` says so; returns the function that stops listening. On each
 * input that ends a word, the word before it is converted before React reads the field; on
 * leaving a field, its last word, and React is told with an input event.
 */
export function installLatinTyping(doc: Document, isOn: () => boolean): () => void {
  const onInput = (event: Event) => {
    const field = uyghurField(event.target);
    if (!field || !isOn()) return;
    const caret = field.selectionStart ?? field.value.length;
    if (caret === 0 || !WORD_END.test(field.value.charAt(caret - 1))) return;
    const converted = convertWordBefore(field.value, caret - 1);
    if (converted) setValue(field, converted.text, converted.end + 1);
  };
  const onFocusOut = (event: Event) => {
    const field = uyghurField(event.target);
    if (!field || !isOn()) return;
    const converted = convertWordBefore(field.value, field.value.length);
    if (!converted) return;
    setValue(field, converted.text, converted.end);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  };
  doc.addEventListener('input', onInput, true);
  doc.addEventListener('focusout', onFocusOut, true);
  return () => {
    doc.removeEventListener('input', onInput, true);
    doc.removeEventListener('focusout', onFocusOut, true);
  };
}
