import InfoOutlined from '@mui/icons-material/InfoOutlined';
import { lazyPage, type RendererFeature } from '../../app/feature';

declare module '../../app/routes' {
  interface RouteNames {
    about: true;
  }
}

export const aboutFeature: RendererFeature = {
  id: 'about',
  namespaces: ['about'],
  routes: [
    {
      name: 'about',
      Page: lazyPage(() => import('./AboutPage'), 'AboutPage'),
      nav: { label: 'nav.about', icon: InfoOutlined, group: 'about', order: 1 },
    },
  ],
};
