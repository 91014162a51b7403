import type { ReactNode } from 'react';
import { useHoldsAuthority } from './usePcsData';

/** The PCs page is listed on the county's PC only. */
export function CountyPcOnly({ children }: { children: ReactNode }) {
  return useHoldsAuthority() === true ? <>{children}</> : null;
}

/** "This PC's enrolment" is listed on every other PC. */
export function OtherPcsOnly({ children }: { children: ReactNode }) {
  return useHoldsAuthority() === false ? <>{children}</> : null;
}
