import GppMaybeOutlined from '@mui/icons-material/GppMaybeOutlined';
import CallSplitOutlined from '@mui/icons-material/CallSplitOutlined';
import Badge from '@mui/material/Badge';
import type { ReactNode } from 'react';
import { lazyPage, type RendererFeature } from '../../app/feature';
import { useConflictCount, useRefusedCount } from './useConflictsData';

declare module '../../app/routes' {
  interface RouteNames {
    conflicts: true;
    refused: true;
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

/** The navigation's count of changes kept aside as not authorized. */
function RefusedCount({ children }: { children: ReactNode }) {
  const count = useRefusedCount();
  return (
    <Badge color="error" badgeContent={count} data-testid="refused-count">
      {children}
    </Badge>
  );
}

/** The page of refused changes is in the navigation while there is something on it (the import preview counts refusals as they come). */
function WhileRefused({ children }: { children: ReactNode }) {
  return useRefusedCount() > 0 ? <>{children}</> : null;
}

export const conflictsFeature: RendererFeature = {
  id: 'conflicts',
  namespaces: ['conflicts', 'trust'],
  routes: [
    {
      name: 'conflicts',
      Page: lazyPage(() => import('./ConflictsPage'), 'ConflictsPage'),
      nav: { label: 'nav.conflicts', icon: CallSplitOutlined, group: 'data', order: 2, Badge: ConflictCount },
    },
    {
      name: 'refused',
      Page: lazyPage(() => import('./RefusedPage'), 'RefusedPage'),
      nav: { label: 'nav.refused', icon: GppMaybeOutlined, group: 'data', order: 4, Badge: RefusedCount, Gate: WhileRefused },
    },
  ],
};
