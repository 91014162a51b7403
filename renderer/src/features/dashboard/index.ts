import InsertChartOutlined from '@mui/icons-material/InsertChartOutlined';
import { FIGURE_READERS, lazyPage, type RendererFeature } from '../../app/feature';

declare module '../../app/routes' {
  interface RouteNames {
    dashboard: true;
    bulletin: true;
  }
}

export const dashboardFeature: RendererFeature = {
  id: 'dashboard',
  namespaces: ['dashboard', 'stats'],
  routes: [
    {
      name: 'dashboard',
      Page: lazyPage(() => import('./DashboardPage'), 'DashboardPage'),
      nav: { label: 'nav.dashboard', icon: InsertChartOutlined, group: 'stats', order: 4 },
      roles: FIGURE_READERS,
    },
    // Opened from the dashboard ("print the bulletin"), not from the navigation.
    { name: 'bulletin', Page: lazyPage(() => import('./BulletinPage'), 'BulletinPage'), roles: FIGURE_READERS },
  ],
};
