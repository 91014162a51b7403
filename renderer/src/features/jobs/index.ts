import WorkOutlineOutlined from '@mui/icons-material/WorkOutlineOutlined';
import { lazy } from 'react';
import type { RendererFeature } from '../../app/feature';

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
      Page: lazy(() => import('./JobsPage').then((m) => ({ default: m.JobsPage }))),
      nav: { label: 'nav.jobs', icon: WorkOutlineOutlined, group: 'county', order: 1 },
    },
  ],
};
