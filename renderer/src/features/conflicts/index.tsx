import CallSplitOutlined from '@mui/icons-material/CallSplitOutlined';
import Badge from '@mui/material/Badge';
import type { ReactNode } from 'react';
import { lazyPage, type RendererFeature } from '../../app/feature';
import { useConflictCount } from './useConflictsData';

declare module '../../app/routes' {
  interface RouteNames {
    conflicts: true;
  }
}

/** The navigation's count of conflicts waiting for a decision, on every page. */
function ConflictCount({ children }: { children: ReactNode }) {
  const count = useConflictCount();
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
