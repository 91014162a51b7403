import { useLiveQuery } from 'dexie-react-hooks';
import { useStore } from '../../app/context';
import { readConflictContext, type ConflictContext } from './conflictContext';

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
