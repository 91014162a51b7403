import UsbOutlined from '@mui/icons-material/UsbOutlined';
import { lazyPage, type RendererFeature } from '../../app/feature';

export { hubRunner, HUB_INTERVAL_MS } from './hubRunner';

/** The full copy to a USB drive (the storage banner's button); the exporter, its zip and hash code load only when called. */
export async function loadFullCopy() {
  const [{ saveFullCopy }, { SyncExportError }] = await Promise.all([import('./fullCopy'), import('./syncService')]);
  return { saveFullCopy, SyncExportError };
}

declare module '../../app/routes' {
  interface RouteNames {
    sync: true;
  }
}

export const syncFeature: RendererFeature = {
  id: 'sync',
  namespaces: ['sync', 'hub', 'bundle', 'trust'],
  routes: [
    {
      name: 'sync',
      Page: lazyPage(() => import('./SyncPage'), 'SyncPage'),
      nav: { label: 'nav.sync', icon: UsbOutlined, group: 'data', order: 1 },
    },
  ],
};
