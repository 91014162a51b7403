import { noticeDay } from './notice';
import type { Notice, Placement } from './rows';

/*
 * Job figures: notices, openings and placements per month and per township, for one year.
 * Everything is a flow and is summed (DOMAIN.md): a notice counts in the month it was published
 * (drafts never count), its openings with it; a placement counts in the month the person was hired
 * and in the township the person comes from. So months add up to the year, and townships add up
 * to the county, by construction.
 */

export interface JobFigures {
  notices: number;
  openings: number;
  placements: number;
}

export interface JobFiguresReport {
  year: number;
  /** Twelve entries, January first. */
  months: JobFigures[];
  /** Per township org id, and `null` for notices and placements without a township. */
  townships: Map<string | null, JobFigures>;
  total: JobFigures;
}

const zero = (): JobFigures => ({ notices: 0, openings: 0, placements: 0 });

/** Published (or closed/filled after publishing) notices count; a draft has not reached anyone. */
export const countsAsPublished = (n: Pick<Notice, 'status' | 'publishedOn'>): boolean => n.status !== 'draft' && n.publishedOn !== null;

export function jobFigures(notices: readonly Notice[], placements: readonly Placement[], year: number): JobFiguresReport {
  const months = Array.from({ length: 12 }, zero);
  const townships = new Map<string | null, JobFigures>();
  const total = zero();
  const township = (id: string | null): JobFigures => {
    let figures = townships.get(id);
    if (!figures) townships.set(id, (figures = zero()));
    return figures;
  };
  const prefix = `${year}-`;
  for (const notice of notices) {
    if (!countsAsPublished(notice)) continue;
    const day = noticeDay(notice);
    if (!day.startsWith(prefix)) continue;
    for (const figures of [months[Number(day.slice(5, 7)) - 1]!, township(notice.townshipId), total]) {
      figures.notices += 1;
      figures.openings += notice.openings;
    }
  }
  for (const placement of placements) {
    if (!placement.hiredOn.startsWith(prefix)) continue;
    for (const figures of [months[Number(placement.hiredOn.slice(5, 7)) - 1]!, township(placement.townshipId), total]) figures.placements += 1;
  }
  return { year, months, townships, total };
}

/** The years that have any figures, newest first. */
export function figureYears(notices: readonly Notice[], placements: readonly Placement[]): number[] {
  const years = new Set<number>();
  for (const n of notices) if (countsAsPublished(n)) years.add(Number(noticeDay(n).slice(0, 4)));
  for (const p of placements) years.add(Number(p.hiredOn.slice(0, 4)));
  return [...years].sort((a, b) => b - a);
}
