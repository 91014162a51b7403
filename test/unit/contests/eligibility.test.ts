import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dhashFromGrey9x8, greyCells9x8, hammingDistance } from '../../../shared/contests/dhash';
import { docxText, plainText } from '../../../shared/contests/docx';
import { checkEntries, checkEntryAlone } from '../../../shared/contests/eligibility';
import { countChineseCharacters, countWords, essayLength } from '../../../shared/contests/length';
import { nextEntryCode } from '../../../shared/contests/presets';
import type { EntryPhoto } from '../../../shared/contests/rows';
import { contest, entry } from './fixtures';

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('essay length', () => {
  it('counts Chinese in characters (punctuation included, spaces not) and Uyghur in words', () => {
    expect(countChineseCharacters('青春， 与时代\n同行。')).toBe(9);
    expect(essayLength('青春与时代同行。')).toEqual({ language: 'zh', count: 8 });
    expect(countWords('ياشلىق دەۋر بىلەن، بىللە ماڭىدۇ.')).toBe(5);
    expect(essayLength('ياشلىق دەۋر بىلەن بىللە ماڭىدۇ. 青春')).toEqual({ language: 'ug', count: 6 });
  });
});

describe('eligibility', () => {
  it('gives a reason for an entry outside the window, too young, too old or too long', () => {
    const c = contest({ maxChars: 5, maxWords: 3 });
    expect(codes(checkEntryAlone(c, entry(1, { submittedOn: '2026-07-01' })))).toEqual(['outside-window', 'too-long']);
    expect(codes(checkEntryAlone(c, entry(1, { age: 13, text: '青春' })))).toEqual(['too-young']);
    expect(codes(checkEntryAlone(c, entry(1, { age: 36, text: 'ياشلىق دەۋر بىلەن بىللە' })))).toEqual(['too-old', 'too-long']);
    expect(checkEntryAlone(c, entry(1, { text: 'ياشلىق دەۋر بىلەن', age: 35, submittedOn: '2026-06-30' }))).toEqual([]);
    const long = checkEntryAlone(c, entry(1, { text: '青春与时代同行' }))[0]!;
    expect(long).toEqual({ code: 'too-long', severity: 'error', detail: { count: 7, limit: 5, unit: 'chars' } });
  });

  it('accepts only the chosen townships when the contest names some', () => {
    const c = contest({ orgIds: ['t1'] });
    expect(codes(checkEntryAlone(c, entry(1, { orgId: 't2' })))).toEqual(['org-not-eligible']);
    expect(codes(checkEntryAlone(c, entry(1, { orgId: 't1' })))).toEqual([]);
  });

  const photo = (original: string, dhash: string, name = 'a.jpg'): EntryPhoto => ({
    original: original.repeat(64).slice(0, 64),
    display: 'd'.repeat(64),
    thumb: 'e'.repeat(64),
    dhash,
    width: 10,
    height: 10,
    name,
  });

  it('refuses the same photo in a later entry, flags a near copy as a warning, and counts photos per entrant', () => {
    const c = contest({ kind: 'photo', maxPhotos: 2 });
    const entries = [
      entry(1, { photos: [photo('a', '0000000000000000')], submittedOn: '2026-05-01' }),
      entry(2, { photos: [photo('a', '0000000000000000', 'copy.jpg')], submittedOn: '2026-05-02' }),
      entry(3, { photos: [photo('b', '0000000000000007', 'near.jpg')], submittedOn: '2026-05-03' }),
      entry(4, { photos: [photo('c', 'ffffffffffffffff')], entrantName: '作者1', submittedOn: '2026-05-04' }),
      entry(5, { photos: [photo('f', 'ffff0000ffff0000')], entrantName: '作者1', submittedOn: '2026-05-05' }),
      entry(6, { photos: [] }),
    ];
    const problems = checkEntries(c, entries);
    expect(problems.get('e1')).toBeUndefined();
    expect(problems.get('e2')).toEqual([{ code: 'duplicate-photo', severity: 'error', detail: { name: 'copy.jpg', other: 'E-001' } }]);
    expect(problems.get('e3')).toEqual([{ code: 'near-duplicate-photo', severity: 'warning', detail: { name: 'near.jpg', other: 'E-001' } }]);
    expect(codes(problems.get('e4') ?? [])).toEqual([]);
    expect(problems.get('e5')).toEqual([{ code: 'too-many-photos', severity: 'error', detail: { count: 3, limit: 2 } }]);
    expect(codes(problems.get('e6')!)).toEqual(['no-photos']);
  });

  it('flags two entries sharing a code (made on two PCs at once)', () => {
    const problems = checkEntries(contest(), [entry(1), { ...entry(2), code: 'E-001' }]);
    expect(codes(problems.get('e1')!)).toEqual(['duplicate-code']);
  });

  it('numbers codes after the highest, never reusing one', () => {
    expect(nextEntryCode('essay', [])).toBe('E-001');
    expect(nextEntryCode('photo', ['P-002', 'P-010'])).toBe('P-011');
  });
});

describe('difference hash', () => {
  it('is unchanged by brightness, distant for a mirrored picture, and Hamming distance is a metric', () => {
    const grey = Array.from({ length: 72 }, (_, i) => (i * 37) % 251);
    const brighter = grey.map((g) => g + 3);
    expect(dhashFromGrey9x8(brighter)).toBe(dhashFromGrey9x8(grey));
    const mirrored = Array.from({ length: 72 }, (_, i) => grey[Math.floor(i / 9) * 9 + (8 - (i % 9))]!);
    expect(hammingDistance(dhashFromGrey9x8(grey), dhashFromGrey9x8(mirrored))).toBeGreaterThan(20);
    const hex = fc.stringMatching(/^[0-9a-f]{16}$/);
    fc.assert(
      fc.property(hex, hex, hex, (a, b, c) => {
        expect(hammingDistance(a, a)).toBe(0);
        expect(hammingDistance(a, b)).toBe(hammingDistance(b, a));
        expect(hammingDistance(a, c)).toBeLessThanOrEqual(hammingDistance(a, b) + hammingDistance(b, c));
      }),
    );
  });

  it('gives a scaled copy of a picture (nearly) the same hash', () => {
    const picture = (w: number, h: number) => {
      const rgba = new Uint8Array(w * h * 4);
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const v = Math.round(128 + 100 * Math.sin((x / w) * 7) * Math.cos((y / h) * 5));
          rgba.set([v, v, v, 255], (y * w + x) * 4);
        }
      return rgba;
    };
    const big = dhashFromGrey9x8(greyCells9x8(picture(360, 240), 360, 240));
    const small = dhashFromGrey9x8(greyCells9x8(picture(90, 60), 90, 60));
    expect(hammingDistance(big, small)).toBeLessThanOrEqual(4);
  });
});

describe('essay files', () => {
  it('reads the text runs of a .docx, paragraph by paragraph, entities decoded', () => {
    const xml =
      '<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>青春</w:t></w:r><w:r><w:t xml:space="preserve"> 与时代 </w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>ياشلىق &amp; دەۋر</w:t><w:tab/><w:t>&#x4E00;</w:t></w:r></w:p></w:body></w:document>';
    const docx = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': new TextEncoder().encode(xml) });
    expect(docxText(docx)).toEqual({ ok: true, text: '青春 与时代 \nياشلىق & دەۋر\t一' });
    expect(docxText(new TextEncoder().encode('not a zip'))).toEqual({ ok: false, reason: 'not-docx' });
    expect(docxText(zipSync({ 'a.txt': new Uint8Array(1) }))).toEqual({ ok: false, reason: 'not-docx' });
  });
  it('reads .txt as UTF-8 with or without a byte-order mark, UTF-16 with one, or GBK', () => {
    expect(plainText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('青春')]))).toBe('青春');
    expect(plainText(new Uint8Array([0xff, 0xfe, 0x52, 0x97]))).toBe('青');
    // Notepad's "ANSI" on a Chinese Windows: GBK bytes of 青春.
    expect(plainText(new Uint8Array([0xc7, 0xe0, 0xb4, 0xba]))).toBe('青春');
  });
});

describe('contest form', () => {
  it('a new draft of each kind has its preset rubric summing to 100 and only needs a title', async () => {
    const { contestFormProblems, newContestDraft } = await import('../../../shared/contests/form');
    for (const kind of ['essay', 'photo', 'speech'] as const) {
      const draft = newContestDraft('x', kind, '2026-05-01', '2026-05-01T00:00:00Z');
      expect(contestFormProblems(draft)).toEqual(['title']);
      expect(contestFormProblems({ ...draft, title: { ug: 'مۇسابىقە' } })).toEqual([]);
    }
    const draft = { ...newContestDraft('x', 'essay', '2026-05-01', ''), title: { zh: '征文' } };
    expect(contestFormProblems({ ...draft, closes: '2026-04-01', ageMin: 40 })).toEqual(['window', 'age']);
    expect(contestFormProblems({ ...draft, criteria: draft.criteria.map((c, i) => (i === 0 ? { ...c, weight: 31 } : c)) })).toEqual(['weights']);
    expect(contestFormProblems({ ...draft, criteria: [], judges: [{ id: 'j', name: ' ' }] })).toEqual(['criteria', 'judges']);
  });
});

describe('eligibility properties', () => {
  it('gives every entry the same problems whatever order the entries arrive in (which copy is "the duplicate" included)', () => {
    const hash = fc.constantFrom('a', 'b', 'c', 'd');
    const arbitraryEntries = fc.array(
      fc.record({ photos: fc.array(fc.record({ o: hash, d: fc.constantFrom('0000000000000000', '000000000000000f', 'ffffffffffffffff') }), { maxLength: 3 }), day: fc.integer({ min: 1, max: 9 }), who: fc.integer({ min: 1, max: 3 }) }),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(arbitraryEntries, fc.infiniteStream(fc.nat()), (specs, noise) => {
        const c = contest({ kind: 'photo', maxPhotos: 3 });
        const entries = specs.map((s, i) =>
          entry(i + 1, {
            entrantName: `作者${s.who}`,
            submittedOn: `2026-05-0${s.day}`,
            photos: s.photos.map((p, k) => ({ original: p.o.repeat(64), display: 'd'.repeat(64), thumb: 'e'.repeat(64), dhash: p.d, width: 1, height: 1, name: `${i}-${k}.jpg` })),
          }),
        );
        const shuffled = entries.map((x) => ({ x, k: noise.next().value })).sort((a, b) => a.k - b.k).map((p) => p.x);
        const asObject = (m: Map<string, unknown>) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : 1)));
        expect(asObject(checkEntries(c, shuffled))).toEqual(asObject(checkEntries(c, entries)));
      }),
    );
  });
});
