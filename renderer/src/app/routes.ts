import { useSyncExternalStore } from 'react';

/**
 * The names of the screens. Each feature adds its own in its `index.ts`, beside the page it
 * registers (`declare module '../../app/routes' { interface RouteNames { jobs: true } }`), so a
 * link to a screen no feature declares does not compile, and this file lists no feature.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RouteNames {}
export type Route = keyof RouteNames & string;

/**
 * The route name the address holds now, unchecked (outside React: what `useRoute` subscribes to);
 * the shell shows its first screen for a name no feature registered.
 */
export function currentRoute(): string {
  return window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): string {
  return useSyncExternalStore(subscribe, currentRoute);
}

export function routeHref(route: Route): string {
  return `#/${route}`;
}

/** The query part of the hash route (`#/entry?round=…&unit=…`). */
export function useRouteParams(): URLSearchParams {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return new URLSearchParams(hash.split('?')[1] ?? '');
}

export function setRouteParams(route: Route, params: Record<string, string | undefined>): void {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
  window.location.hash = `#/${route}${query.size ? `?${query}` : ''}`;
}
