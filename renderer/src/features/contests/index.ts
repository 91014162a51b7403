import EmojiEventsOutlined from '@mui/icons-material/EmojiEventsOutlined';
import { lazy } from 'react';
import type { RendererFeature } from '../../app/feature';

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
      Page: lazy(() => import('./ContestsPage').then((m) => ({ default: m.ContestsPage }))),
      nav: { label: 'nav.contests', icon: EmojiEventsOutlined, group: 'county', order: 2 },
    },
  ],
};
