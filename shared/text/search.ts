import { pinyin } from 'pinyin-pro';
import type { Org } from '../domain/org';
import { compareCodePoints, normalizeUyghur } from '../i18n/collate';
import { ulyFromArabic } from '../i18n/uly';

/*
 * Finding organisations as a person types: by Chinese name (substring), by pinyin (initials `lt`,
 * whole syllables `luntai`, or a mix `lunt`), by Uyghur name (normalized on both sides), and by
 * code prefix (`LT-03`), and by Uyghur name typed in Latin script (ULY: `bugur`, `Bügür` and
 * `yeza` find بۈگۈر and يېزا, at the start of a word, accents optional). Every organisation's keys are computed once (`buildOrgSearchIndex`), so a
 * keystroke costs one pass of cheap string tests over the tree, not one pinyin lookup per name.
 */

export type SearchableOrg = Pick<Org, 'id' | 'code' | 'name'>;

const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;
const ZERO_WIDTH_JOINER = '\u200D';
const HAN = /\p{Script=Han}/u;
const ASCII_ALNUM = /[a-z0-9]/;
const PINYIN_QUERY = /^[a-z0-9]+$/;
const CODE_QUERY = /[-0-9]/;
const PLAIN = /^[\x20-\x7e\u4e00-\u9fff]*$/;
const LATIN_QUERY = /^[a-z']+$/;
const APOSTROPHES = /'/g;

/**
 * The form names and queries are compared in: normalizeUyghur (NFKC, so presentation forms and
 * full-width letters become standard ones; lookalike letters; marks and invisible characters
 * dropped), then lower case, then Latin letters without their accents ("Bügür" = "bugur").
 * Accents are stripped from Latin letters only: decomposing everything would also split Uyghur ئ
 * into ي + hamza above, which is a different letter.
 */
export function foldForSearch(text: string): string {
  // Most Chinese names are plain CJK ideographs and ASCII, which every step above leaves as they
  // are but for case; skipping the rest makes indexing a large tree several times faster.
  if (PLAIN.test(text)) return text.toLowerCase();
  const once = normalizeUyghur(text).toLowerCase().normalize('NFD').replace(LATIN_WITH_MARKS, '$1').normalize('NFKC');
  // Lower-casing can leave a compatibility character that NFKC turns back into a capital (and
  // so on): settle on a fixed point so that folding twice is folding once.
  const twice = once.toLowerCase().normalize('NFKC');
  return twice === once ? once : foldForSearch(twice);
}

// ---------------------------------------------------------------------------------------------
// Pinyin syllables

/** A Chinese name as pinyin: for each character, every reading pinyin-pro knows (polyphones). */
type Syllables = readonly (readonly string[])[];

/**
 * Readings of one character, cached: a county has a few thousand distinct characters but tens of
 * thousands of names. `ü` is kept both as `v` (how pinyin keyboards type it) and `u`.
 */
const readingsCache = new Map<string, readonly string[]>();
function readingsOf(char: string): readonly string[] {
  let readings = readingsCache.get(char);
  if (!readings) {
    const all = new Set<string>();
    for (const reading of pinyin(char, { toneType: 'none', type: 'array', multiple: true })) {
      const lower = reading.toLowerCase();
      for (const form of [lower.replaceAll('ü', 'v'), lower.replaceAll('ü', 'u')]) if (/^[a-z]+$/.test(form)) all.add(form);
    }
    readings = [...all];
    readingsCache.set(char, readings);
  }
  return readings;
}

/**
 * Han characters become their readings; a run of Latin letters or digits ("第12", "KTV") is one
 * syllable of its own, so `d12` finds 第12团支部; anything else (spaces, punctuation, Arabic
 * script) only separates.
 */
function syllablesOf(foldedChinese: string): Syllables {
  const out: (readonly string[])[] = [];
  let run = '';
  const flush = () => {
    if (run) out.push([run]);
    run = '';
  };
  for (const char of foldedChinese) {
    if (ASCII_ALNUM.test(char)) {
      run += char;
      continue;
    }
    flush();
    if (HAN.test(char)) {
      const readings = readingsOf(char);
      if (readings.length > 0) out.push(readings);
    }
  }
  flush();
  return out;
}

/**
 * Whether `query[at..]` can be spelled by syllables `from..`, each syllable giving a non-empty
 * prefix of one of its readings: `lt`, `luntai`, `lunt` and `ltai` all spell 轮台. Backtracks
 * over how much of each syllable to take ("xian" could be 县 alone or 西安); the depth is at most
 * the query's length and a syllable that does not start with the next letter ends a branch at once.
 */
function spells(syllables: Syllables, from: number, query: string, at: number): boolean {
  if (at === query.length) return true;
  const readings = syllables[from];
  if (!readings) return false;
  for (const reading of readings) {
    let shared = 0;
    while (shared < reading.length && at + shared < query.length && reading[shared] === query[at + shared]) shared++;
    for (let take = shared; take >= 1; take--) if (spells(syllables, from + 1, query, at + take)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Matching

/** How well a query matched: at the start of a name, code or word (0) or inside (1); -1: not. */
type Rank = 0 | 1 | -1;

interface OrgKeys {
  id: string;
  /** What the keys were computed from, to reuse them when a tree is re-indexed after a write. */
  source: string;
  code: string;
  depth: number;
  names: readonly string[];
  /** The Uyghur name in Latin script (ULY), folded, without apostrophes: `bugur nahiyelik …`. */
  latin: string;
  syllables: Syllables;
  /** Per syllable, the first letter all its readings share, or `*`: a cheap test before `spells`. */
  heads: string;
}

const sourceOf = (org: SearchableOrg): string => `${org.code}\u0000${org.name.zh ?? ''}\u0000${org.name.ug ?? ''}`;

function keysOf(org: SearchableOrg): OrgKeys {
  const zh = org.name.zh ? foldForSearch(org.name.zh) : '';
  const ug = org.name.ug ? foldForSearch(org.name.ug) : '';
  const syllables = syllablesOf(zh);
  const heads = syllables.map((readings) => {
    const head = readings[0]?.[0] ?? '*';
    return readings.every((r) => r[0] === head) ? head : '*';
  });
  return {
    id: org.id,
    source: sourceOf(org),
    code: foldForSearch(org.code),
    depth: org.code.split('-').length,
    names: [zh, ug].filter(Boolean),
    latin: ug ? foldForSearch(ulyFromArabic(ug)).replace(APOSTROPHES, '') : '',
    syllables,
    heads: heads.join(''),
  };
}

/**
 * A query is words separated by spaces; each must match (in any field). Each word is tried in up
 * to two folded forms: an Arabic heh or Farsi yeh at its end is ambiguous (normalizeUyghur reads
 * it by whether it joins the next letter, and a half-typed word has no next letter yet), so it is
 * also read as if the word went on.
 */
function parseQuery(query: string): string[][] {
  return query
    .split(/\s+/u)
    .filter(Boolean)
    .map((word) => [...new Set([foldForSearch(word), foldForSearch(word + ZERO_WIDTH_JOINER)])].filter(Boolean))
    .filter((forms) => forms.length > 0);
}

function rankWord(keys: OrgKeys, word: string): Rank {
  let best: Rank = -1;
  // Every code of a county starts with the county's letters, so a bare-letter prefix ("lt")
  // would match the whole tree: a word is a code prefix only when it has a digit or a hyphen,
  // or is a whole code.
  if ((CODE_QUERY.test(word) && keys.code.startsWith(word)) || keys.code === word) return 0;
  for (const name of keys.names) {
    for (let at = name.indexOf(word); at >= 0; at = name.indexOf(word, at + 1)) {
      if (at === 0 || /\s/u.test(name[at - 1] ?? '')) return 0;
      best = 1;
    }
  }
  if (keys.latin && LATIN_QUERY.test(word)) {
    // A Uyghur name typed in Latin script: only from the start of a word, as `lt` or `an` would
    // otherwise turn up inside many transliterated names.
    const latinWord = word.replace(APOSTROPHES, '');
    for (let at = keys.latin.indexOf(latinWord); at >= 0 && latinWord; at = keys.latin.indexOf(latinWord, at + 1)) {
      if (at === 0 || keys.latin[at - 1] === ' ') return 0;
    }
  }
  if (PINYIN_QUERY.test(word)) {
    // Already found inside a name: only a match from the first syllable would rank better.
    const last = best === 1 ? 1 : keys.syllables.length;
    const first = word[0];
    for (let from = 0; from < last; from++) {
      const head = keys.heads[from];
      if (head !== first && head !== '*') continue;
      if (spells(keys.syllables, from, word, 0)) return from === 0 ? 0 : 1;
    }
  }
  return best;
}

function rankQuery(keys: OrgKeys, words: readonly (readonly string[])[]): Rank {
  let worst: Rank = 0;
  for (const forms of words) {
    let best: Rank = -1;
    for (const form of forms) {
      const rank = rankWord(keys, form);
      if (rank !== -1 && (best === -1 || rank < best)) best = rank;
      if (best === 0) break;
    }
    if (best === -1) return -1;
    if (best > worst) worst = best;
  }
  return worst;
}

/** A test for one query, for a few organisations; for a whole tree, build an index. */
export function createOrgMatcher(query: string): (org: SearchableOrg) => boolean {
  const words = parseQuery(query);
  return (org) => words.length === 0 || rankQuery(keysOf(org), words) !== -1;
}

export function matchesOrgQuery(org: SearchableOrg, query: string): boolean {
  return createOrgMatcher(query)(org);
}

export interface OrgSearchIndex {
  /**
   * Ids of the organisations that match, best first: matches at the start of a name, word, code
   * or pinyin before matches inside; then higher in the tree first (a committee before its
   * branches); then by code. An empty query gives every organisation in that order.
   */
  search(query: string): string[];
}

const indexedKeys = new WeakMap<OrgSearchIndex, ReadonlyMap<string, OrgKeys>>();

/**
 * Computes every organisation's search keys once; searching is then a single pass. Given the
 * `previous` index of the same tree, keys of organisations whose code and names did not change are
 * reused, so re-indexing after a write costs little more than the sort.
 */
export function buildOrgSearchIndex(orgs: readonly SearchableOrg[], previous?: OrgSearchIndex): OrgSearchIndex {
  const known = previous ? indexedKeys.get(previous) : undefined;
  const entries = orgs
    .map((org) => {
      const old = known?.get(org.id);
      return old && old.source === sourceOf(org) ? old : keysOf(org);
    })
    .sort((a, b) => a.depth - b.depth || compareCodePoints(a.code, b.code));
  const index: OrgSearchIndex = {
    search(query) {
      const words = parseQuery(query);
      if (words.length === 0) return entries.map((e) => e.id);
      const starts: string[] = [];
      const inside: string[] = [];
      for (const entry of entries) {
        const rank = rankQuery(entry, words);
        if (rank === 0) starts.push(entry.id);
        else if (rank === 1) inside.push(entry.id);
      }
      return starts.concat(inside);
    },
  };
  indexedKeys.set(index, new Map(entries.map((e) => [e.id, e])));
  return index;
}
