import EmojiEventsOutlined from '@mui/icons-material/EmojiEventsOutlined';
import { lazyPage, type RendererFeature } from '../../app/feature';

declare module '../../app/routes' {
  interface RouteNames {
    contests: true;
  }
}

export const contestsFeature: RendererFeature = {
  id: 'contests',
  namespaces: ['contests'],
  routes: [
    {
      name: 'contests',
      Page: lazyPage(() => import('./ContestsPage'), 'ContestsPage'),
      nav: { label: 'nav.contests', icon: EmojiEventsOutlined, group: 'county', order: 2 },
      // The county runs contests and a judge's PC scores them; a township officer has no part in them.
      roles: ['countyAdmin', 'judge', 'viewer'],
    },
  ],
};
