/**
 * The one origin the app's own pages live at. Everything else (the web, file://, a second custom
 * host) is foreign: it may not navigate the window and may not call the bridge.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'league-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for app://league-desk/… . Parsed rather than prefix-matched so that look-alikes such as
 * `app://league-desk.evil/`, `app://league-desk:81/` or `app://x@league-desk/` are refused too.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
