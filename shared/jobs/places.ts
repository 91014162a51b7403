import type { BilingualText } from '../i18n/lang';
import type { Notice } from './rows';

/*
 * Where the work is, as a job seeker reads it: a town or township by its place name (轮台镇), not by
 * its league committee (轮台镇团委), which is who publishes the notice, not where anyone works.
 */

const ZH_COMMITTEE = /^(.+?)(?:团委|团工委|团委员会)$/u;
/** A Uyghur committee name says "of the township" (يېزىلىق); the place is "the township" (يېزىسى). */
const UG_COMMITTEE: readonly [RegExp, string][] = [
  [/^(.+?) يېزىلىق .*كومىتېتى$/u, 'يېزىسى'],
  [/^(.+?) بازارلىق .*كومىتېتى$/u, 'بازىرى'],
  [/^(.+?) مەيدانلىق .*كومىتېتى$/u, 'مەيدانى'],
];

/** The place a township committee stands for, in each language given; a name of another form is kept. */
export function placeOfCommittee(name: BilingualText): BilingualText {
  const zh = name.zh?.trim();
  const ug = name.ug?.trim();
  const ugPlace = ug === undefined ? undefined : UG_COMMITTEE.reduce<string | undefined>((found, [pattern, word]) => found ?? ug.match(pattern)?.[1]?.concat(' ', word), undefined);
  return {
    ...(zh ? { zh: zh.match(ZH_COMMITTEE)?.[1] ?? zh } : {}),
    ...(ug ? { ug: ugPlace ?? ug } : {}),
  };
}

const side = (zh: string | undefined, ug: string | undefined): BilingualText => ({ ...(zh?.trim() ? { zh: zh.trim() } : {}), ...(ug?.trim() ? { ug: ug.trim() } : {}) });

/**
 * The typed place of a notice in both languages. `place` is the Chinese side (older builds wrote only
 * it, as one string) and `placeUg` the Uyghur side (docs/FORMATS.md).
 */
export const noticePlace = (n: Pick<Notice, 'place' | 'placeUg'>): BilingualText => side(n.place, n.placeUg);

/** The contact person's name in both languages: `contactName` is the Chinese side, `contactNameUg` the Uyghur. */
export const noticeContact = (n: Pick<Notice, 'contactName' | 'contactNameUg'>): BilingualText => side(n.contactName, n.contactNameUg);
