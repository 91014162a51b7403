import { lazy, type ComponentType, type ReactNode } from 'react';
import type { Role } from '../../../shared/trust/certificate';
import type { Route } from './routes';

/*
 * What a renderer feature declares about itself, in one place (`renderer/src/features/<x>/index.ts`):
 * its screens, where they sit in the navigation, and the locale namespaces its screens read. The
 * composition list (`app/features.ts`) registers each feature once; the shell, the routes and the
 * i18n resources are read from it, so adding a screen touches its feature folder and that list only.
 */

/** The navigation's sections, top to bottom (labels: `nav.group.<name>` in common.json). */
export const NAV_GROUPS = ['work', 'stats', 'county', 'data', 'about'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface NavEntry {
  /** Its label, a key in the common namespace (`nav.jobs`). */
  label: string;
  icon: ComponentType;
  group: NavGroup;
  /** Its place inside the group, smallest first. */
  order: number;
  /** Wraps the icon with a count (a component, so it may read the store with hooks). */
  Badge?: ComponentType<{ children: ReactNode }>;
  /** Shows the entry only on some PCs, or while it has something to show (a component, so it may read the store): renders its children or nothing. */
  Gate?: ComponentType<{ children: ReactNode }>;
}

export interface FeatureRoute {
  /** The route's name, its address `#/<name>` (declared in `RouteNames`, app/routes.ts). */
  name: Route;
  /** The page; a `lazy(() => import(…))` for every page but the first screen. */
  Page: ComponentType;
  /** Where the navigation lists it; a route without one is reached from a page (the bulletin). */
  nav?: NavEntry;
  /**
   * The roles whose PCs offer the page (listed, and opened from its address): every role when
   * absent. What a role may not use is absent, not shown read-only (issue 14). A PC that works
   * alone, is not enrolled yet, or whose certificate lapsed has no role and is offered every page.
   */
  roles?: readonly Role[];
}

/** Everyone who reads the county's organisations and figures: all but a judge, whose PC sits only to score. */
export const FIGURE_READERS: readonly Role[] = ['countyAdmin', 'townshipOfficer', 'viewer'];
/** Who reads the county's own settings (rounds, targets): the county, and a viewer, who reads everything. */
export const COUNTY_READERS: readonly Role[] = ['countyAdmin', 'viewer'];

export interface RendererFeature {
  id: string;
  /** locales/<lang>/<namespace>.json files its screens read besides the shell's own. */
  namespaces: readonly string[];
  routes: readonly FeatureRoute[];
}

/**
 * A page loaded when first opened: `lazyPage(() => import('./JobsPage'), 'JobsPage')`. The
 * `import()` stays in the feature's index, so the build makes the page a chunk of its own and the
 * first screen's JavaScript stays small.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType {
  return lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
}
