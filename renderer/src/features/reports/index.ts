import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import { FIGURE_READERS, lazyPage, type RendererFeature } from '../../app/feature';

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
      Page: lazyPage(() => import('./ReportsPage'), 'ReportsPage'),
      nav: { label: 'nav.reports', icon: DescriptionOutlined, group: 'stats', order: 5 },
      roles: FIGURE_READERS,
    },
  ],
};
