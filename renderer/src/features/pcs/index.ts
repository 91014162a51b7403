import BadgeOutlined from '@mui/icons-material/BadgeOutlined';
import DevicesOutlined from '@mui/icons-material/DevicesOutlined';
import { lazyPage, type RendererFeature } from '../../app/feature';
import { CountyPcOnly, OtherPcsOnly } from './NavGates';

declare module '../../app/routes' {
  interface RouteNames {
    pcs: true;
    enroll: true;
  }
}

/**
 * The county's PCs (issue 14): on the county's PC, the PCs page (enrol a PC from its request file,
 * revoke one, save the authority to a USB drive); on every other PC, its own enrolment (ask to join,
 * take the county's answer).
 */
export const pcsFeature: RendererFeature = {
  id: 'pcs',
  namespaces: ['pcs'],
  routes: [
    {
      name: 'pcs',
      Page: lazyPage(() => import('./PcsPage'), 'PcsPage'),
      nav: { label: 'nav.pcs', icon: DevicesOutlined, group: 'data', order: 3, Gate: CountyPcOnly },
    },
    {
      name: 'enroll',
      Page: lazyPage(() => import('./EnrollPage'), 'EnrollPage'),
      nav: { label: 'nav.enroll', icon: BadgeOutlined, group: 'data', order: 3, Gate: OtherPcsOnly },
    },
  ],
};
