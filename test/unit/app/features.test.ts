import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_FEATURES, APP_NAMESPACES, APP_ROUTES, HOME_ROUTE, navigation, pageFor } from '../../../renderer/src/app/features';
import { ROLES, type Role } from '../../../shared/trust/certificate';
import { NAV_GROUPS, type RendererFeature } from '../../../renderer/src/app/feature';
import type { Route } from '../../../renderer/src/app/routes';
import { LANGS } from '../../../shared/i18n/lang';

/*
 * The renderer's composition list (app/features.ts): each feature declares its screens, their
 * places in the navigation and its locale namespaces in its own index.ts, and the shell, the routes
 * and the i18n resources are read from the list.
 */

const root = path.resolve(import.meta.dirname, '../../..');
const common = (lang: string) => JSON.parse(readFileSync(path.join(root, 'locales', lang, 'common.json'), 'utf8')) as Record<string, unknown>;
const lookup = (tree: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe('the composition list', () => {
  it('registers every screen once, the first screen among them', () => {
    const names = APP_FEATURES.flatMap((f) => f.routes.map((r) => r.name));
    expect(new Set(names).size).toBe(names.length);
    expect([...APP_ROUTES.keys()].sort()).toEqual([...names].sort());
    expect(APP_ROUTES.has(HOME_ROUTE)).toBe(true);
  });

  it('names each feature once', () => {
    const ids = APP_FEATURES.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('loads every namespace a feature declares, each once, from a file in both languages', () => {
    expect(new Set(APP_NAMESPACES).size).toBe(APP_NAMESPACES.length);
    for (const ns of APP_FEATURES.flatMap((f) => f.namespaces)) expect(APP_NAMESPACES).toContain(ns);
    for (const lang of LANGS) for (const ns of APP_NAMESPACES) expect(existsSync(path.join(root, 'locales', lang, `${ns}.json`)), `${lang}/${ns}.json`).toBe(true);
  });

  it('gives every navigation entry and every group with a heading a label in both languages', () => {
    for (const lang of LANGS) {
      for (const { group, items } of navigation()) {
        if (group !== 'about') expect(lookup(common(lang), `nav.group.${group}`), `${lang} nav.group.${group}`).toEqual(expect.any(String));
        for (const item of items) expect(lookup(common(lang), item.label), `${lang} ${item.label}`).toEqual(expect.any(String));
      }
    }
  });

  it('lists every screen but the ones reached from a page in the navigation, About last', () => {
    const listed = navigation().flatMap((g) => g.items.map((i) => i.route));
    expect(new Set(listed).size).toBe(listed.length);
    expect([...APP_ROUTES.keys()].filter((r) => !listed.includes(r as Route))).toEqual(['bulletin']);
    expect(listed.at(-1)).toBe('about');
  });
});

describe('the navigation', () => {
  const Icon = () => null;
  const Page = () => null;
  const feature = (id: string, routes: RendererFeature['routes']): RendererFeature => ({ id, namespaces: [], routes });
  const entry = (name: string, group: (typeof NAV_GROUPS)[number], order: number) => ({ name: name as Route, Page, nav: { label: `nav.${name}`, icon: Icon, group, order } });

  it('puts groups in their fixed order and items by their order, whatever order features are registered in', () => {
    const features = [
      feature('b', [entry('b2', 'data', 2), entry('b1', 'work', 2)]),
      feature('a', [entry('a1', 'work', 1), entry('a2', 'data', 1), { name: 'hidden' as Route, Page }]),
    ];
    const expected = [
      { group: 'work', routes: ['a1', 'b1'] },
      { group: 'data', routes: ['a2', 'b2'] },
    ];
    for (const order of [features, [...features].reverse()]) {
      expect(navigation(order).map((g) => ({ group: g.group, routes: g.items.map((i) => i.route) }))).toEqual(expected);
    }
  });

  it('leaves out a group no feature fills', () => {
    expect(navigation([feature('a', [entry('a1', 'about', 1)])]).map((g) => g.group)).toEqual(['about']);
    expect(navigation([])).toEqual([]);
  });
});

/*
 * What each role's PC lists (issue 14): what the role may not use is absent, not shown read-only.
 * The PCs page and this PC's enrolment are gated by whether the PC holds the county's authority,
 * and the refused page while it has something on it (their Gate components), not by role.
 */
describe('the navigation per role', () => {
  const ABSENT: Record<Role, Route[]> = {
    countyAdmin: [],
    townshipOfficer: ['rounds', 'targets', 'contests'],
    judge: ['overview', 'orgs', 'rounds', 'entry', 'targets', 'dashboard', 'reports', 'jobs'],
    viewer: [],
  };
  const everyListed = navigation().flatMap((g) => g.items.map((i) => i.route));
  const listedFor = (role: Role | undefined) => navigation(undefined, role).flatMap((g) => g.items.map((i) => i.route));

  it.each(ROLES)('a %s PC lists every page but the ones its role has no use for', (role) => {
    expect(everyListed.filter((r) => !listedFor(role).includes(r))).toEqual(ABSENT[role]);
  });

  it('a judge PC lists the contests, the exchange of files, its enrolment and About, nothing more', () => {
    expect(listedFor('judge')).toEqual(['contests', 'sync', 'conflicts', 'pcs', 'enroll', 'refused', 'about']);
  });

  it('a PC with no role (works alone, not enrolled yet, certificate lapsed) lists everything', () => {
    expect(listedFor(undefined)).toEqual(everyListed);
  });

  it.each(ROLES)('an address a %s PC is not offered shows the first page its navigation lists, never the page', (role) => {
    for (const name of [...APP_ROUTES.keys()]) {
      const shown = pageFor(name, role);
      const offered = shown.roles === undefined || shown.roles.includes(role);
      expect(offered, `${role} ${name}`).toBe(true);
      if (ABSENT[role].includes(name as Route) || (name === 'bulletin' && role === 'judge')) expect(shown.name).toBe(role === 'judge' ? 'contests' : HOME_ROUTE);
      else expect(shown.name).toBe(name);
    }
    expect(pageFor('no-such-page', role).name).toBe(role === 'judge' ? 'contests' : HOME_ROUTE);
  });
});
