import { addDays } from '../../../../shared/domain/dates';
import type { EducationLevel, Notice, NoticeChannel } from '../../../../shared/jobs/rows';

/** The form's fields as typed (numbers as text, so a half-typed number is not lost). */
export interface NoticeFormState {
  employerZh: string;
  employerUg: string;
  titleZh: string;
  titleUg: string;
  descriptionZh: string;
  descriptionUg: string;
  townshipId: string;
  placeZh: string;
  placeUg: string;
  openings: string;
  ageMin: string;
  ageMax: string;
  education: EducationLevel;
  langZh: boolean;
  langUg: boolean;
  payMin: string;
  payMax: string;
  contactZh: string;
  contactUg: string;
  contactPhone: string;
  closesOn: string;
  channel: NoticeChannel;
  issue: string;
}

const numberText = (n: number | null) => (n === null ? '' : String(n));

export function formStateOf(notice: Notice | undefined, today: string): NoticeFormState {
  return {
    employerZh: notice?.employer.zh ?? '',
    employerUg: notice?.employer.ug ?? '',
    titleZh: notice?.title.zh ?? '',
    titleUg: notice?.title.ug ?? '',
    descriptionZh: notice?.description.zh ?? '',
    descriptionUg: notice?.description.ug ?? '',
    townshipId: notice?.townshipId ?? '',
    placeZh: notice?.place ?? '',
    placeUg: notice?.placeUg ?? '',
    openings: notice ? String(notice.openings) : '1',
    ageMin: numberText(notice?.ageMin ?? null),
    ageMax: numberText(notice?.ageMax ?? null),
    education: notice?.education ?? 'any',
    langZh: notice ? notice.languages.includes('zh') : false,
    langUg: notice ? notice.languages.includes('ug') : false,
    payMin: numberText(notice?.payMin ?? null),
    payMax: numberText(notice?.payMax ?? null),
    contactZh: notice?.contactName ?? '',
    contactUg: notice?.contactNameUg ?? '',
    contactPhone: notice?.contactPhone ?? '',
    closesOn: notice?.closesOn ?? addDays(today, 30),
    channel: notice?.channel ?? 'wechat',
    issue: numberText(notice?.issue ?? null),
  };
}

/** '' is "not given"; anything else that is not a whole number becomes NaN, which the checks refuse. */
const numberOf = (text: string): number | null => (text.trim() === '' ? null : /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);
const bilingual = (zh: string, ug: string) => ({ ...(zh.trim() ? { zh } : {}), ...(ug.trim() ? { ug } : {}) });

/** The notice the form describes; fields the form does not show are kept from `previous`. */
export function noticeOf(state: NoticeFormState, id: string, previous: Notice | undefined, today: string): Notice {
  return {
    id,
    employer: bilingual(state.employerZh, state.employerUg),
    title: bilingual(state.titleZh, state.titleUg),
    description: bilingual(state.descriptionZh, state.descriptionUg),
    townshipId: state.townshipId || null,
    place: state.placeZh.trim(),
    placeUg: state.placeUg.trim(),
    openings: numberOf(state.openings) ?? Number.NaN,
    ageMin: numberOf(state.ageMin),
    ageMax: numberOf(state.ageMax),
    education: state.education,
    languages: [...(state.langZh ? (['zh'] as const) : []), ...(state.langUg ? (['ug'] as const) : [])],
    payMin: numberOf(state.payMin),
    payMax: numberOf(state.payMax),
    contactName: state.contactZh,
    contactNameUg: state.contactUg,
    contactPhone: state.contactPhone,
    publishedOn: previous?.publishedOn ?? null,
    closesOn: state.closesOn,
    channel: state.channel,
    issue: numberOf(state.issue),
    status: previous?.status ?? 'draft',
    createdOn: previous?.createdOn ?? today,
  };
}
