import { aboutFeature } from '../features/about';
import { conflictsFeature } from '../features/conflicts';
import { contestsFeature } from '../features/contests';
import { dashboardFeature } from '../features/dashboard';
import { jobsFeature } from '../features/jobs';
import { orgsFeature } from '../features/orgs';
import { overviewFeature } from '../features/overview';
import { pcsFeature } from '../features/pcs';
import { reportsFeature } from '../features/reports';
import { statsFeature } from '../features/stats';
import { syncFeature } from '../features/sync';
import { welcomeFeature } from '../features/welcome';
import type { Role } from '../../../shared/trust/certificate';
import { NAV_GROUPS, type FeatureRoute, type NavEntry, type NavGroup, type RendererFeature } from './feature';
import type { Route } from './routes';

/**
 * The composition list: every renderer feature, registered once. The shell's pages and navigation
 * and the i18n resources are read from it (recipe: docs/ARCHITECTURE.md "Features").
 */
export const APP_FEATURES: readonly RendererFeature[] = [
  overviewFeature,
  orgsFeature,
  statsFeature,
  dashboardFeature,
  reportsFeature,
  jobsFeature,
  contestsFeature,
  syncFeature,
  pcsFeature,
  conflictsFeature,
  aboutFeature,
  welcomeFeature,
];

/** The screen shown for an address that names no registered route. */
export const HOME_ROUTE: Route = 'overview';

/** The shell's own namespaces (its labels, error messages); the features add theirs. */
const SHELL_NAMESPACES = ['common', 'errors'];

/** Every locale namespace the renderer loads, each once. */
export const APP_NAMESPACES: readonly string[] = [...new Set([...SHELL_NAMESPACES, ...APP_FEATURES.flatMap((f) => f.namespaces)])];

/** Every registered route by name; two features declaring one name is an error at start. */
export const APP_ROUTES: ReadonlyMap<string, FeatureRoute> = new Map(
  APP_FEATURES.flatMap((f) => f.routes).map((route, _i, all) => {
    if (all.filter((r) => r.name === route.name).length > 1) throw new Error(`two features declare the route "${route.name}"`);
    return [route.name, route];
  }),
);

export type NavItem = NavEntry & { route: Route };

/** Whether a PC of this role is offered the page (no role: a PC that works alone or is not enrolled, offered all). */
export function offeredTo(route: FeatureRoute, role: Role | undefined): boolean {
  return role === undefined || route.roles === undefined || route.roles.includes(role);
}

/**
 * The page an address shows a PC of this role: the route it names when offered to the role, else
 * the first screen, else (a judge's PC, which has no overview) the first page its navigation lists.
 */
export function pageFor(name: string, role: Role | undefined, features: readonly RendererFeature[] = APP_FEATURES): FeatureRoute {
  const offered = features.flatMap((f) => f.routes).filter((r) => offeredTo(r, role));
  const named = offered.find((r) => r.name === name) ?? offered.find((r) => r.name === HOME_ROUTE);
  if (named) return named;
  const first = navigation(features, role)[0]?.items[0];
  return offered.find((r) => r.name === first?.route) ?? APP_ROUTES.get(HOME_ROUTE)!;
}

/**
 * The navigation a PC of this role lists: its groups in NAV_GROUPS order, each group's items by
 * `order`; pages not offered to the role and empty groups left out.
 */
export function navigation(features: readonly RendererFeature[] = APP_FEATURES, role?: Role): { group: NavGroup; items: NavItem[] }[] {
  const items = features.flatMap((f) => f.routes.flatMap((r) => (r.nav && offeredTo(r, role) ? [{ ...r.nav, route: r.name }] : [])));
  return NAV_GROUPS.map((group) => ({ group, items: items.filter((i) => i.group === group).sort((a, b) => a.order - b.order) })).filter((g) => g.items.length > 0);
}
