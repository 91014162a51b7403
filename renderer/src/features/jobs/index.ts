import WorkOutlineOutlined from '@mui/icons-material/WorkOutlineOutlined';
import { FIGURE_READERS, lazyPage, type RendererFeature } from '../../app/feature';

declare module '../../app/routes' {
  interface RouteNames {
    jobs: true;
  }
}

export const jobsFeature: RendererFeature = {
  id: 'jobs',
  namespaces: ['jobs'],
  routes: [
    {
      name: 'jobs',
      Page: lazyPage(() => import('./JobsPage'), 'JobsPage'),
      nav: { label: 'nav.jobs', icon: WorkOutlineOutlined, group: 'county', order: 1 },
      roles: FIGURE_READERS,
    },
  ],
};
