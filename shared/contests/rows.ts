import { z } from 'zod';

/*
 * The contest tables. Each field merges on its own (per-field last writer wins), so what two PCs
 * may edit independently lives in separate fields: a judge's scores are one row per entry and
 * judge (id `<entry>~<judge>`), never a list inside the entry, and a manual award is its own field.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const bilingual = z.object({ zh: z.string().max(200).optional(), ug: z.string().max(200).optional() });
const localId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

export const CONTEST_KINDS = ['essay', 'photo', 'speech'] as const;
export type ContestKind = (typeof CONTEST_KINDS)[number];

/** One line of the rubric: the points a judge gives run from 0 to `max`; `weight` is its share of 100. */
export const criterionSchema = z.object({
  id: localId,
  name: bilingual,
  weight: z.number().positive().max(100),
  max: z.number().int().min(1).max(1000),
});
export type Criterion = z.infer<typeof criterionSchema>;

/** An award tier, best first in the contest's list: `count` entries receive it. */
export const tierSchema = z.object({
  id: localId,
  name: bilingual,
  count: z.number().int().min(0).max(1000),
});
export type AwardTier = z.infer<typeof tierSchema>;

export const judgeSchema = z.object({ id: localId, name: z.string().min(1).max(60) });
export type Judge = z.infer<typeof judgeSchema>;

export const contestSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(CONTEST_KINDS),
  title: bilingual,
  theme: bilingual,
  /** The submission window, both days included. */
  opens: isoDate,
  closes: isoDate,
  ageMin: z.number().int().min(0).max(120),
  ageMax: z.number().int().min(0).max(120),
  /** Organisation ids whose people may enter; empty: every township. */
  orgIds: z.array(z.string()).max(500),
  /** Essays: at most this many characters in Chinese, words in Uyghur. */
  maxChars: z.number().int().positive().nullable().optional(),
  maxWords: z.number().int().positive().nullable().optional(),
  /** Photo contests: at most this many photos per entrant, over all their entries. */
  maxPhotos: z.number().int().positive().nullable().optional(),
  criteria: z.array(criterionSchema).min(1).max(20),
  tiers: z.array(tierSchema).max(10),
  judges: z.array(judgeSchema).max(30),
  /** With 5 or more judges, each entry's highest and lowest judge totals are left out. */
  dropExtremes: z.boolean(),
  createdAt: z.string(),
});
export type Contest = z.infer<typeof contestSchema>;

/** A photo of an entry: the display copy and the thumbnail live in the local `blobs` table by hash. */
export const entryPhotoSchema = z.object({
  /** sha-256 of the original file's bytes: the same file twice is refused. */
  original: z.string().regex(/^[0-9a-f]{64}$/),
  display: z.string().regex(/^[0-9a-f]{64}$/),
  thumb: z.string().regex(/^[0-9a-f]{64}$/),
  /** Perceptual difference hash, 16 hex digits (64 bits). */
  dhash: z.string().regex(/^[0-9a-f]{16}$/),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  name: z.string().max(255),
});
export type EntryPhoto = z.infer<typeof entryPhotoSchema>;

export const SEXES = ['f', 'm'] as const;

/** A manual award: who decided and why, kept beside the computed one (which stays visible). */
export const awardOverrideSchema = z.object({
  /** The tier given; null: no award. */
  tierId: localId.nullable(),
  reason: z.string().trim().min(1).max(500),
  at: z.string(),
});
export type AwardOverride = z.infer<typeof awardOverrideSchema>;

export const entrySchema = z.object({
  id: z.string().min(1),
  contestId: z.string().min(1),
  /** What judges see instead of a name, e.g. `E-007`. */
  code: z.string().regex(/^[A-Z]-\d{3,5}$/),
  entrantName: z.string().trim().min(1).max(60),
  sex: z.enum(SEXES).nullable(),
  age: z.number().int().min(0).max(120),
  /** The township or organisation the entrant belongs to. */
  orgId: z.string().nullable(),
  phone: z.string().max(30).optional(),
  title: z.string().max(200),
  /** The day the entry arrived (`yyyy-mm-dd`). */
  submittedOn: isoDate,
  text: z.string().max(200_000).optional(),
  photos: z.array(entryPhotoSchema).max(50).optional(),
  notes: z.string().max(2000).optional(),
  awardOverride: awardOverrideSchema.nullable().optional(),
});
export type Entry = z.infer<typeof entrySchema>;

/** One judge's points for one entry, per criterion id; a criterion not yet scored is absent. */
export const scoreSchema = z.object({
  id: z.string().min(1),
  contestId: z.string().min(1),
  entryId: z.string().min(1),
  judgeId: localId,
  points: z.record(z.string(), z.number().min(0).max(1000)),
});
export type Score = z.infer<typeof scoreSchema>;

export const scoreRowId = (entryId: string, judgeId: string): string => `${entryId}~${judgeId}`;
