import { useLiveQuery } from 'dexie-react-hooks';
import { useStore } from '../app/context';
import { readChangeCount } from '../store/changeLog';

/**
 * How many changes this PC's log holds, kept live; undefined until read. The Sync page offers a
 * restore while it is 0, the hub panel recounts what is waiting when it moves, the About page shows it.
 */
export function useChangeCount(): number | undefined {
  const store = useStore();
  return useLiveQuery(() => readChangeCount(store.db), [store]);
}
