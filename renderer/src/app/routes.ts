import { useSyncExternalStore } from 'react';

/** The screens that exist. Only these appear in the navigation: no placeholder pages. */
export const ROUTES = ['overview', 'orgs', 'dashboard', 'bulletin', 'rounds', 'entry', 'targets', 'reports', 'jobs', 'contests', 'sync', 'conflicts', 'about'] as const;
export type Route = (typeof ROUTES)[number];

/** The page the address names now (outside React: what `useRoute` subscribes to). */
export function currentRoute(): Route {
  const name = window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'overview';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
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
