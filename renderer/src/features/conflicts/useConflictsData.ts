import { useLiveQuery } from 'dexie-react-hooks';
import { useStore } from '../../app/context';
import { countRefused, readConflictContext, readRefusedContext, type ConflictContext, type RefusedContext } from './conflictContext';

/** The conflicts with what names them (conflictContext.ts), kept live; undefined until read. */
export function useConflictContext(): ConflictContext | undefined {
  const store = useStore();
  return useLiveQuery(() => readConflictContext(store.db), [store]);
}

/** How many conflicts wait for a decision, kept live (the navigation's badge); 0 until read. */
export function useConflictCount(): number {
  const store = useStore();
  return useLiveQuery(() => store.db.conflicts.count(), [store]) ?? 0;
}

/** The changes kept aside with what names their rows (conflictContext.ts), kept live; undefined until read. */
export function useRefusedContext(): RefusedContext | undefined {
  const store = useStore();
  return useLiveQuery(() => readRefusedContext(store.db), [store]);
}

/** How many changes are kept aside, kept live (the navigation's badge); 0 until read. */
export function useRefusedCount(): number {
  const store = useStore();
  return useLiveQuery(() => countRefused(store.db), [store]) ?? 0;
}
