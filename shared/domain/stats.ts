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

/**
 * The figures a round may ask split by sex (男/女), DOMAIN.md's people counts: members, new members
 * and the two youth bands. Cadres and recommendations stay unsplit: the published tables do not
 * split them, and a figure split for nobody is a column nobody can fill.
 */
export const SPLIT_FIGURES = ['members', 'newMembers', 'youth1435', 'youth1428'] as const satisfies readonly Figure[];
export type SplitFigure = (typeof SPLIT_FIGURES)[number];
export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

/**
 * The sex figures, each its own stored field (so sync merges them per figure like the totals), in
 * column order: each split figure's male then female. Typed as a tuple so the roll-up's read order
 * is checked against it.
 */
export const SEX_FIGURES = [
  'membersMale',
  'membersFemale',
  'newMembersMale',
  'newMembersFemale',
  'youth1435Male',
  'youth1435Female',
  'youth1428Male',
  'youth1428Female',
] as const satisfies readonly `${SplitFigure}${'Male' | 'Female'}`[];
export type SexFigure = (typeof SEX_FIGURES)[number];

/** Every figure a report can hold: the totals, then the sex figures. */
export const ALL_FIGURES = [...FIGURES, ...SEX_FIGURES] as const;
export type AnyFigure = Figure | SexFigure;

/** The sex figure of a split figure: ('members', 'female') → 'membersFemale'. */
export function sexFigure(figure: SplitFigure, sex: Sex): SexFigure {
  return `${figure}${sex === 'male' ? 'Male' : 'Female'}`;
}

/** What a sex figure splits, and which sex it counts. */
export const SEX_FIGURE_PARTS: Readonly<Record<SexFigure, { total: SplitFigure; sex: Sex }>> = Object.fromEntries(
  SPLIT_FIGURES.flatMap((total) => SEXES.map((sex) => [sexFigure(total, sex), { total, sex }])),
) as Record<SexFigure, { total: SplitFigure; sex: Sex }>;

export function isSexFigure(figure: string): figure is SexFigure {
  return Object.hasOwn(SEX_FIGURE_PARTS, figure);
}

export function isSplitFigure(figure: string): figure is SplitFigure {
  return (SPLIT_FIGURES as readonly string[]).includes(figure);
}

/** A sex figure is a stock or a flow as its total is (male members: stock; new female members: flow). */
export const ANY_FIGURE_NATURE: Readonly<Record<AnyFigure, 'stock' | 'flow'>> = {
  ...FIGURE_NATURE,
  ...(Object.fromEntries(SEX_FIGURES.map((f) => [f, FIGURE_NATURE[SEX_FIGURE_PARTS[f].total]])) as Record<SexFigure, 'stock' | 'flow'>),
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
  /**
   * How far a figure may move from the previous period before it needs a comment, as a fraction
   * (0.2 = 20%). Absent: the default (DEFAULT_CHANGE_THRESHOLD). Set per round by the county.
   */
  changeThreshold: z.number().min(0).max(10).optional(),
  /**
   * The absolute floor beside `changeThreshold`: a change of at most this many people never needs a
   * comment, however large in percent (3 → 2 cadres is −33%, and one person). Absent: the default
   * (DEFAULT_CHANGE_FLOOR). Written only when the county sets another value, so a round with the
   * default stays readable by builds that do not know the field.
   */
  changeFloor: z.number().int().min(0).max(1_000_000).optional(),
  /**
   * Whether the round asks the split figures it asks for (`figures` ∩ SPLIT_FIGURES) also by sex.
   * Absent (every round before the split existed): no.
   */
  bySex: z.boolean().optional(),
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
  /** The county's comment when it last returned (or reopened) the report; kept after resubmission. */
  returnComment: z.string().optional(),
  /** ISO instant (UTC) of the latest submission. */
  submittedAt: z.string().optional(),
  /** ISO instant (UTC) of the first submission, never overwritten: timeliness is judged by it. */
  firstSubmittedAt: z.string().optional(),
  /** ISO instant (UTC) of the latest approval. */
  approvedAt: z.string().optional(),
  /** ISO instant (UTC) the report was last returned or reopened. */
  returnedAt: z.string().optional(),
  /**
   * A person's comment per figure, e.g. explaining a warning (a change beyond the threshold, a ratio
   * above the target). A warning needs one before the report can be submitted.
   */
  notes: z.partialRecord(z.enum(FIGURES), z.string().max(2000)).optional(),
  members: figureValue.optional(),
  newMembers: figureValue.optional(),
  youth1435: figureValue.optional(),
  youth1428: figureValue.optional(),
  cadres: figureValue.optional(),
  recommendedToParty: figureValue.optional(),
  // By sex, only in rounds that ask for the split; optional, so older rows and bundles still validate.
  membersMale: figureValue.optional(),
  membersFemale: figureValue.optional(),
  newMembersMale: figureValue.optional(),
  newMembersFemale: figureValue.optional(),
  youth1435Male: figureValue.optional(),
  youth1435Female: figureValue.optional(),
  youth1428Male: figureValue.optional(),
  youth1428Female: figureValue.optional(),
});

/**
 * The figures a round's grid, template and checks show, in column order: each figure it asks for,
 * and after each split figure its male and female figures when the round asks for the split.
 */
export function roundColumns(round: Pick<ReportingRound, 'figures' | 'bySex'>): AnyFigure[] {
  const out: AnyFigure[] = [];
  for (const figure of round.figures) {
    out.push(figure);
    if (round.bySex && isSplitFigure(figure)) for (const sex of SEXES) out.push(sexFigure(figure, sex));
  }
  return out;
}
export type StatReport = z.infer<typeof statReportSchema>;

/** What a target row sets the control ratio for: every organisation of a kind, a school level, or one organisation. */
export const TARGET_SCOPES = ['kind', 'schoolLevel', 'org'] as const;
export type TargetScope = (typeof TARGET_SCOPES)[number];

/**
 * A control ratio (the highest league–youth ratio the county allows) for an organisation kind, a school
 * level or one organisation. Synced table `target`. Use `targetRowId` for the id, so two PCs that set
 * the same kind's target write the same row and merge instead of leaving two competing rows.
 */
export const targetSchema = z.object({
  id: z.string().min(1),
  appliesTo: z.enum(TARGET_SCOPES),
  /** The organisation kind (`school`), school level (`juniorHigh`) or organisation id, as `appliesTo` says. */
  subject: z.string().min(1).max(128),
  /** Highest allowed ratio as a fraction (0.3 = 30%); null = explicitly none, overriding anything broader. */
  maxRatio: z.number().min(0).max(1).nullable(),
  /** Why, e.g. the policy document it comes from. */
  note: z.string().max(2000).optional(),
});
export type Target = z.infer<typeof targetSchema>;
