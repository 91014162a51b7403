import { z } from 'zod';
import { bilingualTextSchema, type BilingualText } from '../i18n/lang';
import { orgCodeSchema } from '../sync/scope';

/**
 * Kinds of league organisation (DOMAIN.md). `township` covers township, town and farm committees;
 * `twoNew` is a league organisation in a new economic or new social organisation (两新组织).
 */
export const ORG_KINDS = [
  'county',
  'township',
  'school',
  'working',
  'generalBranch',
  'branch',
  'twoNew',
  'community',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/**
 * The level of a school, for its control ratio (DOMAIN.md: the 2023 guidance caps members at 15% in
 * junior high, 30% in general senior high and 20% in vocational schools). A combined school that has
 * both junior and senior classes is best split into one committee per level.
 */
export const SCHOOL_LEVELS = ['juniorHigh', 'seniorHigh', 'vocational'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

export const orgSchema = z.object({
  id: z.string().min(1),
  code: orgCodeSchema,
  name: bilingualTextSchema,
  kind: z.enum(ORG_KINDS),
  parentId: z.string().nullable(),
  secretaryName: z.string().optional(),
  secretaryPhone: z.string().optional(),
  founded: z.string().optional(),
  archived: z.boolean(),
  /** For a school committee (or a branch in a school): which control ratio applies by default. */
  schoolLevel: z.enum(SCHOOL_LEVELS).optional(),
});
export type Org = z.infer<typeof orgSchema> & { name: BilingualText };
