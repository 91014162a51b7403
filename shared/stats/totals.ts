import { FIGURES, type AnyFigure, type Figure } from '../domain/stats';

/** Anything carrying figures (sex figures included): a stat report, or a partial row from an import. */
export type FigureValues = Partial<Record<AnyFigure, number | null>>;

/**
 * Sums each figure over reports of the same period. A figure left empty (null or missing) counts as 0:
 * completeness is reported separately, and a total must not turn into "unknown" because one branch
 * skipped one figure.
 */
export function sumFigures(reports: Iterable<FigureValues>): Record<Figure, number> {
  const totals = Object.fromEntries(FIGURES.map((figure) => [figure, 0])) as Record<Figure, number>;
  for (const report of reports) {
    for (const figure of FIGURES) totals[figure] += report[figure] ?? 0;
  }
  return totals;
}

/**
 * League–youth ratio (团青比例) = league members ÷ youth aged 14–28, as a fraction (0.486 = 48.6%).
 * Null when there are no youth: the ratio is undefined, and 0% would read as "no members".
 *
 * Ratios are never averaged. A roll-up computes this from summed members and summed youth: averaging
 * child ratios weights a 20-youth branch like a 300-youth town, so the county figure would depend on
 * how finely it is divided rather than on its people.
 */
export function leagueYouthRatio(members: number, youth1428: number): number | null {
  if (youth1428 <= 0) return null;
  return members / youth1428;
}
