import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import GridOnOutlined from '@mui/icons-material/GridOnOutlined';
import TuneOutlined from '@mui/icons-material/TuneOutlined';
import { lazy } from 'react';
import type { RendererFeature } from '../../app/feature';

declare module '../../app/routes' {
  interface RouteNames {
    rounds: true;
    entry: true;
    targets: true;
  }
}

export const statsFeature: RendererFeature = {
  id: 'stats',
  namespaces: ['stats'],
  routes: [
    {
      name: 'rounds',
      Page: lazy(() => import('./RoundsPage').then((m) => ({ default: m.RoundsPage }))),
      nav: { label: 'nav.rounds', icon: EventNoteOutlined, group: 'stats', order: 1 },
    },
    {
      name: 'entry',
      Page: lazy(() => import('./EntryPage').then((m) => ({ default: m.EntryPage }))),
      nav: { label: 'nav.entry', icon: GridOnOutlined, group: 'stats', order: 2 },
    },
    {
      name: 'targets',
      Page: lazy(() => import('./TargetsPage').then((m) => ({ default: m.TargetsPage }))),
      nav: { label: 'nav.targets', icon: TuneOutlined, group: 'stats', order: 3 },
    },
  ],
};
