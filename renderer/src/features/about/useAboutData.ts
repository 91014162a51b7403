import { useStore } from '../../app/context';
import { useChangeCount } from '../../components/useChangeCount';

export interface DataFacts {
  /** The schema version of this PC's database (its IndexedDB version, as Dexie counts it). */
  databaseVersion: number;
  /** Changes held in the log; undefined until read. */
  changeCount: number | undefined;
}

/** What the About page says about the data on this PC. */
export function useDataFacts(): DataFacts {
  const { db } = useStore();
  return { databaseVersion: db.verno, changeCount: useChangeCount() };
}
