import { z } from 'zod';
import { isoDateSchema } from '../domain/dates';
import { LANDLINE_PHONE, MOBILE_PHONE } from './phone';

/*
 * Rows of the job tables as they are stored after merging. Only per-field rules live here (each
 * field is merged on its own, so two PCs can each change one field of a notice and the merged row
 * must still pass); rules across fields (age range, pay range, closing after publishing) are the
 * form's, in notice.ts, and are checked before every save.
 */

export const NOTICE_STATUSES = ['draft', 'published', 'closed', 'filled'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export const EDUCATION_LEVELS = ['any', 'primary', 'juniorHigh', 'seniorHigh', 'vocational', 'college', 'bachelor'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const JOB_LANGUAGES = ['zh', 'ug'] as const;
export const NOTICE_CHANNELS = ['wechat', 'poster', 'jobFair', 'other'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];
export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

const text = z.object({ zh: z.string().max(2000).optional(), ug: z.string().max(2000).optional() });
const shortText = z.object({ zh: z.string().max(120).optional(), ug: z.string().max(120).optional() });
/** Stored normalized (phone.ts), so the pattern needs no spaces. */
const phone = z.string().refine((p) => MOBILE_PHONE.test(p) || LANDLINE_PHONE.test(p), { message: 'phone-invalid' });
const count = (max: number) => z.number().int().min(0).max(max);

export const noticeSchema = z.object({
  id: z.string().min(1),
  employer: shortText,
  title: shortText,
  description: text,
  /** The township (org id) where the work is; null: the county seat, county-wide or elsewhere (see `place`). */
  townshipId: z.string().min(1).nullable(),
  /**
   * Where exactly, typed: `place` in Chinese, `placeUg` in Uyghur (places.ts noticePlace). Two
   * fields, not one `{ zh, ug }`, because older builds hold `place` as a string and refuse a
   * whole file carrying another type; `placeUg` is written in a change of its own, which they park
   * (docs/FORMATS.md). The same for the contact's name.
   */
  place: z.string().max(120).optional(),
  placeUg: z.string().max(120).optional(),
  openings: z.number().int().min(1).max(10_000),
  ageMin: count(120).nullable(),
  ageMax: count(120).nullable(),
  education: z.enum(EDUCATION_LEVELS),
  languages: z.array(z.enum(JOB_LANGUAGES)).max(JOB_LANGUAGES.length),
  /** Yuan per month. */
  payMin: count(1_000_000).nullable(),
  payMax: count(1_000_000).nullable(),
  contactName: z.string().max(60),
  contactNameUg: z.string().max(60).optional(),
  contactPhone: phone,
  /** Set when the notice is first published. */
  publishedOn: isoDateSchema.nullable(),
  closesOn: isoDateSchema,
  channel: z.enum(NOTICE_CHANNELS),
  /** Issue number of the channel, e.g. issue 175 of the county's WeChat account. */
  issue: z.number().int().min(1).max(100_000).nullable(),
  status: z.enum(NOTICE_STATUSES),
  /** When the notice was entered; with `publishedOn` it dates the notice for the duplicate rule. */
  createdOn: isoDateSchema,
});
export type Notice = z.infer<typeof noticeSchema>;

/**
 * A young person placed through a notice. Deliberately minimal (name, sex, age, township, date,
 * notice; ethnicity and a phone only if given): the phone is for the office to follow up and is
 * masked in every export and print (phone.ts maskPhone).
 */
export const placementSchema = z.object({
  id: z.string().min(1),
  noticeId: z.string().min(1),
  name: z.string().min(1).max(60),
  sex: z.enum(SEXES),
  age: z.number().int().min(14).max(60),
  townshipId: z.string().min(1).nullable(),
  hiredOn: isoDateSchema,
  /**
   * The ethnic group's code (domain/ethnicity.ts, GB/T 3304: '05' 维吾尔族). Older builds stored
   * the name as typed; such text is read as its group's code where one is known by that name.
   * Still a string of at most 30 characters, which is what older builds accept (docs/FORMATS.md).
   */
  ethnicity: z.string().max(30).optional(),
  /** '' once a phone is removed (a merged field cannot be unset). */
  phone: phone.or(z.literal('')).optional(),
});
export type Placement = z.infer<typeof placementSchema>;
