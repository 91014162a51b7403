import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import GridOnOutlined from '@mui/icons-material/GridOnOutlined';
import TuneOutlined from '@mui/icons-material/TuneOutlined';
import { COUNTY_READERS, FIGURE_READERS, lazyPage, type RendererFeature } from '../../app/feature';

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
      Page: lazyPage(() => import('./RoundsPage'), 'RoundsPage'),
      nav: { label: 'nav.rounds', icon: EventNoteOutlined, group: 'stats', order: 1 },
      roles: COUNTY_READERS,
    },
    {
      name: 'entry',
      Page: lazyPage(() => import('./EntryPage'), 'EntryPage'),
      nav: { label: 'nav.entry', icon: GridOnOutlined, group: 'stats', order: 2 },
      roles: FIGURE_READERS,
    },
    {
      name: 'targets',
      Page: lazyPage(() => import('./TargetsPage'), 'TargetsPage'),
      nav: { label: 'nav.targets', icon: TuneOutlined, group: 'stats', order: 3 },
      roles: COUNTY_READERS,
    },
  ],
};
