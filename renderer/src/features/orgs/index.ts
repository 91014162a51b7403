import AccountTreeOutlined from '@mui/icons-material/AccountTreeOutlined';
import { lazy } from 'react';
import type { RendererFeature } from '../../app/feature';

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
      Page: lazy(() => import('./OrgsPage').then((m) => ({ default: m.OrgsPage }))),
      nav: { label: 'nav.orgs', icon: AccountTreeOutlined, group: 'work', order: 2 },
    },
  ],
};
