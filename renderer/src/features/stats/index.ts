import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import GridOnOutlined from '@mui/icons-material/GridOnOutlined';
import TuneOutlined from '@mui/icons-material/TuneOutlined';
import { lazyPage, type RendererFeature } from '../../app/feature';

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
    },
    {
      name: 'entry',
      Page: lazyPage(() => import('./EntryPage'), 'EntryPage'),
      nav: { label: 'nav.entry', icon: GridOnOutlined, group: 'stats', order: 2 },
    },
    {
      name: 'targets',
      Page: lazyPage(() => import('./TargetsPage'), 'TargetsPage'),
      nav: { label: 'nav.targets', icon: TuneOutlined, group: 'stats', order: 3 },
    },
  ],
};
