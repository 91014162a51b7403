import type { Org } from '../domain/org';
import { FIGURES, type ReportingRound, type StatReport } from '../domain/stats';
import { reportId } from '../stats/ids';
import { DEMO_CHOSEN_FLOWS, spreadFigures } from './figures';
import { createPrng, type Prng } from './prng';
import { buildDemoStructure } from './structure';
import { DEMO_FACTS } from './summary';

/**
 * The demo county a newcomer sees on first start: Luntai County with its published organisation
 * counts and membership totals, and one closed, fully approved yearly round for 2025.
 */
export interface DemoCounty {
  orgs: Org[];
  rounds: ReportingRound[];
  reports: StatReport[];
}

export const DEMO_PERIOD = '2025';
export const DEMO_ROUND_ID = `demo-round-${DEMO_PERIOD}`;
const DEMO_DEADLINE = '2026-01-20';

/** Fixed seeds: the demo is part of the data two PCs may sync, so it must be the same everywhere. */
const FIGURES_SEED = 0x4c542025;
const SUBMISSION_SEED = 0x4c540120;

export { DEMO_CHOSEN_FLOWS };

/** Builds the demo county. Pure: no clock, no randomness beyond the fixed seeds; same result every call. */
export function generateDemoCounty(): DemoCounty {
  const { orgs, units } = buildDemoStructure();
  const figures = spreadFigures(
    units.map((u) => u.profile),
    { ...DEMO_FACTS.totals, ...DEMO_CHOSEN_FLOWS },
    createPrng(FIGURES_SEED),
  );

  const round: ReportingRound = {
    id: DEMO_ROUND_ID,
    period: DEMO_PERIOD,
    figures: [...FIGURES],
    orgIds: units.map((u) => u.org.id),
    deadline: DEMO_DEADLINE,
    status: 'closed',
  };

  const submissions = createPrng(SUBMISSION_SEED);
  const reports = units.map((unit, i): StatReport => {
    const unitFigures = figures[i];
    if (!unitFigures) throw new Error(`no figures for ${unit.org.code}`);
    return {
      // The app's id (shared/stats/ids.ts); builds before issue 12 wrote `demo-report-2025-<code>`.
      id: reportId(round.id, unit.org.id),
      roundId: round.id,
      orgId: unit.org.id,
      period: DEMO_PERIOD,
      status: 'approved',
      submittedAt: submissionTime(submissions),
      ...unitFigures,
    };
  });

  return { orgs, rounds: [round], reports };
}

/**
 * When a unit submitted, as an ISO timestamp in UTC. Most units report in the two weeks before the
 * deadline during office hours (Beijing time, UTC+8); each has a 1 in 25 chance of being a few days
 * late, as in real rounds, so the demo's timeliness is not a flat 100%.
 */
function submissionTime(prng: Prng): string {
  const late = prng.intBetween(1, 25) === 1;
  const day = late ? prng.intBetween(21, 23) : prng.intBetween(6, 20);
  const utcHour = prng.intBetween(9, 18) - 8;
  const minute = prng.intBetween(0, 59);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `2026-01-${two(day)}T${two(utcHour)}:${two(minute)}:00.000Z`;
}
