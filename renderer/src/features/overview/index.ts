import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import { FIGURE_READERS, type RendererFeature } from '../../app/feature';
import { OverviewPage } from './OverviewPage';

declare module '../../app/routes' {
  interface RouteNames {
    overview: true;
  }
}

/** The first screen: loaded with the shell (not lazily), so it shows without a second fetch. */
export const overviewFeature: RendererFeature = {
  id: 'overview',
  namespaces: ['overview', 'stats'],
  routes: [{ name: 'overview', Page: OverviewPage, nav: { label: 'nav.overview', icon: DashboardOutlined, group: 'work', order: 1 }, roles: FIGURE_READERS }],
};
