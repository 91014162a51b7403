import { useLiveQuery } from 'dexie-react-hooks';
import { useStore } from '../../app/context';
import { readEnrollment, type Enrollment } from '../../store/authorityStore';

/** Where this PC stands in its county (the county's PC, enrolled, asked to join, alone), kept up to date. */
export function useEnrollment(): Enrollment | undefined {
  const store = useStore();
  return useLiveQuery(() => readEnrollment(store), [store]);
}
