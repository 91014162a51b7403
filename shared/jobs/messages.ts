import type { Lang } from '../i18n/lang';
import type { EducationLevel, Sex } from './rows';

/**
 * The part of locales/<lang>/jobs.json that shared/ code uses (report tables, the bulletin text).
 * shared/ may not read locale files, so callers pass both languages in; the CLI imports the JSON,
 * the renderer too. A key missing from either file is a compile error where they are passed.
 */
export interface JobsMessages {
  report: {
    title: string;
    subtitle: string;
    monthsSheet: string;
    townshipsSheet: string;
    placementsSheet: string;
    placementsTitle: string;
    month: string;
    township: string;
    notices: string;
    openings: string;
    placements: string;
    total: string;
    noTownship: string;
    untranslated: string;
    pageFooter: string;
    note: string;
    name: string;
    sex: string;
    age: string;
    hiredOn: string;
    notice: string;
    ethnicity: string;
    phone: string;
    phoneNote: string;
    asWritten: string;
    asWrittenNote: string;
  };
  sex: Record<Sex, string>;
  education: Record<EducationLevel, string>;
  bulletinText: {
    heading: string;
    headingIssue: string;
    openings: string;
    pay: string;
    payFrom: string;
    payUpTo: string;
    age: string;
    ageFrom: string;
    ageUpTo: string;
    education: string;
    place: string;
    closes: string;
    contact: string;
    footer: string;
    listSeparator: string;
  };
}

export type JobsLocales = Readonly<Record<Lang, JobsMessages>>;
