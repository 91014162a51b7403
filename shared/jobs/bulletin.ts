import { formatDate, formatInteger, isolateLtr as ltr } from '../i18n/format';
import { pickText, type BilingualText, type Lang } from '../i18n/lang';
import { interpolate } from '../i18n/interpolate';
import type { JobsLocales } from './messages';
import { noticeContact, noticePlace, placeOfCommittee } from './places';
import type { Notice } from './rows';

/*
 * The WeChat digest ("轮青诚聘"): the chosen notices in one language, as structured blocks (the
 * image and the PDF lay these out) and as plain text to paste into the WeChat editor.
 *
 * In Uyghur, every run that must read left to right inside right-to-left text (a phone number,
 * a range "3000–5000", a date) is wrapped in isolates: "0996-4621234" after Uyghur letters would
 * otherwise be drawn with its two halves swapped, and a wrong digit order in a phone number sends
 * people nowhere. WeChat's editor and the canvas both honour the isolates.
 */

export interface BulletinEntry {
  noticeId: string;
  employer: string;
  title: string;
  /** One fact per line: openings, pay, age, education, place, closing date, contact. */
  lines: string[];
  description: string;
}

export interface Bulletin {
  lang: Lang;
  heading: string;
  entries: BulletinEntry[];
  footer: string;
}

export interface BulletinInput {
  notices: readonly Notice[];
  lang: Lang;
  locales: JobsLocales;
  /** Issue number of the county's channel, if this bulletin has one. */
  issue?: number | null;
  countyName: BilingualText;
  townshipName(id: string): BilingualText | undefined;
}

const text = (t: BilingualText, lang: Lang) => pickText(t, lang).text.trim();

export function buildBulletin(input: BulletinInput): Bulletin {
  const { lang } = input;
  const m = input.locales[lang].bulletinText;
  const education = input.locales[lang].education;
  const int = (n: number) => formatInteger(n, lang, { bidi: 'plain' });
  const entries = input.notices.map((notice) => {
    const lines = [interpolate(m.openings, { count: ltr(int(notice.openings), lang) })];
    const { payMin, payMax, ageMin, ageMax } = notice;
    if (payMin !== null && payMax !== null) lines.push(interpolate(m.pay, { range: ltr(`${int(payMin)}–${int(payMax)}`, lang) }));
    else if (payMin !== null) lines.push(interpolate(m.payFrom, { min: ltr(int(payMin), lang) }));
    else if (payMax !== null) lines.push(interpolate(m.payUpTo, { max: ltr(int(payMax), lang) }));
    if (ageMin !== null && ageMax !== null) lines.push(interpolate(m.age, { range: ltr(`${ageMin}–${ageMax}`, lang) }));
    else if (ageMin !== null) lines.push(interpolate(m.ageFrom, { min: ltr(String(ageMin), lang) }));
    else if (ageMax !== null) lines.push(interpolate(m.ageUpTo, { max: ltr(String(ageMax), lang) }));
    if (notice.education !== 'any') lines.push(interpolate(m.education, { education: education[notice.education] }));
    const township = notice.townshipId ? input.townshipName(notice.townshipId) : undefined;
    const place = [township ? text(placeOfCommittee(township), lang) : '', text(noticePlace(notice), lang)].filter(Boolean).join(m.listSeparator);
    if (place) lines.push(interpolate(m.place, { place }));
    lines.push(interpolate(m.closes, { date: formatDate(notice.closesOn, lang, 'long') }));
    lines.push(interpolate(m.contact, { name: text(noticeContact(notice), lang), phone: ltr(notice.contactPhone, lang) }));
    return { noticeId: notice.id, employer: text(notice.employer, lang), title: text(notice.title, lang), lines, description: text(notice.description, lang) };
  });
  const heading = input.issue ? interpolate(m.headingIssue, { issue: ltr(String(input.issue), lang) }) : m.heading;
  return { lang, heading, entries, footer: interpolate(m.footer, { county: text(input.countyName, lang) }) };
}

/**
 * The issue number a digest of these notices carries unless the person types another: the issue
 * the notices were entered with (`issue`), when those that have one agree; null when none has one
 * or they name different issues (then the person decides).
 */
export function issueOfNotices(notices: readonly Pick<Notice, 'issue'>[]): number | null {
  const issues = new Set(notices.flatMap((n) => (n.issue === null ? [] : [n.issue])));
  return issues.size === 1 ? [...issues][0]! : null;
}

/** The digest as text to paste: heading, then each notice numbered, a blank line between. */
export function bulletinText(bulletin: Bulletin): string {
  const blocks = bulletin.entries.map((entry, index) => {
    const head = `${index + 1}. ${entry.employer}${entry.employer && entry.title ? ' · ' : ''}${entry.title}`;
    return [head, ...entry.lines, ...(entry.description ? [entry.description] : [])].join('\n');
  });
  return [bulletin.heading, ...blocks, bulletin.footer].join('\n\n') + '\n';
}
