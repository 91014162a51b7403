import { useLiveQuery } from 'dexie-react-hooks';
import { useStore } from '../../app/context';
import { readConflictContext, type ConflictContext } from './conflictContext';

/** The conflicts with what names them (conflictContext.ts), kept live; undefined until read. */
export function useConflictContext(): ConflictContext | undefined {
  const store = useStore();
  return useLiveQuery(() => readConflictContext(store.db), [store]);
}
