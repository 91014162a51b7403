import { z } from 'zod';

/**
 * The figures a reporting round can ask for. Stocks (counts of people at a moment) roll up the
 * time axis with the LAST value of the period; flows (things that happened in the period) SUM.
 */
export const FIGURES = ['members', 'newMembers', 'youth1435', 'youth1428', 'cadres', 'recommendedToParty'] as const;
export type Figure = (typeof FIGURES)[number];
export const FIGURE_NATURE: Record<Figure, 'stock' | 'flow'> = {
  members: 'stock',
  newMembers: 'flow',
  youth1435: 'stock',
  youth1428: 'stock',
  cadres: 'stock',
  recommendedToParty: 'flow',
};

/** A period as text that sorts within its kind: `2025`, `2025H1`, `2025Q3`, `2025M07`. */
export const periodSchema = z.string().regex(/^\d{4}(H[12]|Q[1-4]|M(0[1-9]|1[0-2]))?$/);
export type Period = string;

export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const roundSchema = z.object({
  id: z.string().min(1),
  period: periodSchema,
  figures: z.array(z.enum(FIGURES)).min(1),
  /** Organisations expected to report in this round. */
  orgIds: z.array(z.string()),
  /** ISO date (yyyy-mm-dd), the last day to submit. */
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  status: z.enum(['open', 'closed']),
});
export type ReportingRound = z.infer<typeof roundSchema>;

const figureValue = z.number().int().nonnegative().nullable();

/** One organisation's figures for one round. Each figure is its own field, so sync merges per figure. */
export const statReportSchema = z.object({
  id: z.string().min(1),
  roundId: z.string().min(1),
  orgId: z.string().min(1),
  period: periodSchema,
  status: z.enum(REPORT_STATUSES),
  returnComment: z.string().optional(),
  submittedAt: z.string().optional(),
  members: figureValue.optional(),
  newMembers: figureValue.optional(),
  youth1435: figureValue.optional(),
  youth1428: figureValue.optional(),
  cadres: figureValue.optional(),
  recommendedToParty: figureValue.optional(),
});
export type StatReport = z.infer<typeof statReportSchema>;
