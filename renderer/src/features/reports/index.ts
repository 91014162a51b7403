import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import { lazy } from 'react';
import type { RendererFeature } from '../../app/feature';

declare module '../../app/routes' {
  interface RouteNames {
    reports: true;
  }
}

export const reportsFeature: RendererFeature = {
  id: 'reports',
  namespaces: ['reports', 'stats'],
  routes: [
    {
      name: 'reports',
      Page: lazy(() => import('./ReportsPage').then((m) => ({ default: m.ReportsPage }))),
      nav: { label: 'nav.reports', icon: DescriptionOutlined, group: 'stats', order: 5 },
    },
  ],
};
