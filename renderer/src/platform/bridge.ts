import type { Bridge } from '../../../shared/bridge';
import { createBrowserBridge } from './browserBridge';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts when running inside the desktop shell. */
    leagueDesk?: Bridge;
  }
}

/** The desktop shell's bridge when there is one, else the same interface over web APIs. */
export function getBridge(win: Window = window): Bridge {
  return win.leagueDesk ?? createBrowserBridge(win);
}
