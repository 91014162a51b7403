import { readFileSync } from 'node:fs';

/**
 * The app version, read from package.json at run time rather than imported: package.json is not
 * one of the folders cli/ may import from, and the version must be the installed one.
 */
export function appVersion(): string {
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  const parsed: unknown = JSON.parse(text);
  const version = typeof parsed === 'object' && parsed !== null ? (parsed as { version?: unknown }).version : undefined;
  if (typeof version !== 'string') throw new Error('package.json has no version');
  return version;
}
