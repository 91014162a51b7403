import { setLanguageRequestSchema } from '../../shared/bridge';
import type { Lang } from '../../shared/i18n/lang';
import { BridgeRefusal, isTrustedSender } from './senderCheck';
import type { BridgeInvokeEvent, TrustedFrameSource } from './types';

export interface SetLanguageDeps {
  trustedFrame: TrustedFrameSource;
  /** Records the language (dialogs use it) and rebuilds the application menu in it. */
  onLanguageChanged: (lang: Lang) => void;
}

/** bridge.setLanguage: the renderer is the source of truth for the UI language; the menu follows. */
export function createSetLanguageHandler(deps: SetLanguageDeps) {
  return (event: BridgeInvokeEvent, rawLang: unknown): void => {
    if (!isTrustedSender(event, deps.trustedFrame)) throw new BridgeRefusal('forbidden-sender');
    const parsed = setLanguageRequestSchema.safeParse(rawLang);
    if (!parsed.success) throw new BridgeRefusal('invalid-request');
    deps.onLanguageChanged(parsed.data);
  };
}
