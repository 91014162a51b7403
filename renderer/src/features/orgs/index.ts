import AccountTreeOutlined from '@mui/icons-material/AccountTreeOutlined';
import { FIGURE_READERS, lazyPage, type RendererFeature } from '../../app/feature';

declare module '../../app/routes' {
  interface RouteNames {
    orgs: true;
  }
}

export const orgsFeature: RendererFeature = {
  id: 'orgs',
  namespaces: ['orgs'],
  routes: [
    {
      name: 'orgs',
      Page: lazyPage(() => import('./OrgsPage'), 'OrgsPage'),
      nav: { label: 'nav.orgs', icon: AccountTreeOutlined, group: 'work', order: 2 },
      roles: FIGURE_READERS,
    },
  ],
};
