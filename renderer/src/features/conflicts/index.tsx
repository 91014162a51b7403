import CallSplitOutlined from '@mui/icons-material/CallSplitOutlined';
import Badge from '@mui/material/Badge';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { useStore } from '../../app/context';
import { lazyPage, type RendererFeature } from '../../app/feature';

declare module '../../app/routes' {
  interface RouteNames {
    conflicts: true;
  }
}

/** The navigation's count of conflicts waiting for a decision, on every page. */
function ConflictCount({ children }: { children: ReactNode }) {
  const store = useStore();
  const count = useLiveQuery(() => store.db.conflicts.count(), [store]) ?? 0;
  return (
    <Badge color="warning" badgeContent={count} data-testid="conflict-count">
      {children}
    </Badge>
  );
}

export const conflictsFeature: RendererFeature = {
  id: 'conflicts',
  namespaces: ['conflicts'],
  routes: [
    {
      name: 'conflicts',
      Page: lazyPage(() => import('./ConflictsPage'), 'ConflictsPage'),
      nav: { label: 'nav.conflicts', icon: CallSplitOutlined, group: 'data', order: 2, Badge: ConflictCount },
    },
  ],
};
