import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalChangeJson, canonicalJson } from '../../../shared/sync/bundle/canonicalJson';
import { NdjsonBytes } from '../../../shared/sync/bundle/ndjsonBytes';
import type { Change } from '../../../shared/sync/change';
import { formatStamp } from '../../../shared/sync/hlc';
import { parseChange } from '../../../shared/sync/parseChange';

/**
 * The quick writers of changes.ndjson must write exactly what canonicalJson does: the line of a
 * change as text (canonicalChangeJson) and as UTF-8 bytes (NdjsonBytes), for every valid change,
 * whatever its texts (quotes, backslashes, control characters, lone surrogates, Chinese, Uyghur,
 * emoji), numbers (negative, fractional, huge, tiny, -0), keys (numeric ones sort as text) and
 * values (nested ones take the slow road, but must end the same).
 */
const nasty = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\u0000', '\u001f', '\u007f', '\u0080', '\u2028', 'ئ', '团', '😀', '\ud800', '\udc00', '~') });
const textArb = fc.oneof(fc.string(), nasty, fc.string({ unit: 'grapheme' }));
const numberArb = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-0, 0, 1e21, 1e-7, 2 ** 53, -(2 ** 31), 2 ** 31, 0.1 + 0.2));
const flatValue = fc.oneof(textArb, numberArb, fc.boolean(), fc.constant(null), fc.constant(undefined));
const anyValue = fc.oneof(flatValue, fc.jsonValue({ maxDepth: 3 }), fc.array(flatValue.filter((v) => v !== undefined), { maxLength: 3 }), fc.dictionary(textArb, flatValue));
const keyArb = fc.oneof(fc.string({ minLength: 1, maxLength: 64 }), nasty.filter((k) => k.length >= 1 && k.length <= 64), fc.constantFrom('0', '1', '10', '2', '-1', 'a', 'B', '_deleted'));

const changeArb: fc.Arbitrary<Change> = fc
  .record({
    wall: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) }),
    counter: fc.integer({ min: 0, max: 0xffff }),
    device: fc.constantFrom('00000000000000a1', 'de00000000000001'),
    author: textArb.filter((s) => s.length >= 1 && s.length <= 64),
    table: textArb.filter((s) => s.length >= 1 && s.length <= 64),
    row: textArb.filter((s) => s.length >= 1 && s.length <= 128),
    fields: fc.dictionary(keyArb, fc.oneof(flatValue, flatValue, anyValue), { maxKeys: 8 }),
    base: fc.dictionary(fc.oneof(keyArb, textArb), textArb, { maxKeys: 8 }),
    scope: textArb.filter((s) => s.length >= 1 && s.length <= 64),
    schema: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  })
  .map(({ wall, counter, device, ...rest }) => {
    const hlc = formatStamp(wall, counter, device);
    return parseChange({ id: hlc, hlc, device, ...rest }).data!;
  })
  .filter((change) => change !== undefined);

describe('writing changes.ndjson quickly', () => {
  it('canonicalChangeJson is canonicalJson, character for character', () => {
    fc.assert(fc.property(changeArb, (change) => {
      expect(canonicalChangeJson(change)).toBe(canonicalJson(change));
    }), { numRuns: 3_000 });
  });

  it('NdjsonBytes writes the UTF-8 of canonicalJson, a line per change, however many', () => {
    fc.assert(fc.property(fc.array(changeArb, { maxLength: 20 }), (changes) => {
      const out = new NdjsonBytes();
      for (const change of changes) out.writeChange(change);
      expect(out.view()).toEqual(new TextEncoder().encode(changes.map((c) => `${canonicalJson(c)}\n`).join('')));
    }), { numRuns: 500 });
  });

  it('throws what canonicalJson throws for a value JSON cannot carry, having written nothing of it', () => {
    const [change] = fc.sample(changeArb, { numRuns: 1, seed: 3 });
    for (const bad of [Number.NaN, Infinity, new Date(0), new Map(), [1, undefined]]) {
      const withBad = { ...change!, fields: { ...change!.fields, zz: bad } };
      const out = new NdjsonBytes();
      out.writeChange(change!);
      const before = out.view().slice();
      expect(() => out.writeChange(withBad)).toThrow(TypeError);
      expect(() => canonicalJson(withBad)).toThrow(TypeError);
      expect(out.view()).toEqual(before);
    }
  });

  it('grows from nothing to megabytes', () => {
    const [change] = fc.sample(changeArb, { numRuns: 1, seed: 5 });
    const out = new NdjsonBytes();
    const line = new TextEncoder().encode(`${canonicalJson(change!)}\n`);
    for (let i = 0; i < 20_000; i++) out.writeChange(change!);
    expect(out.length).toBe(line.length * 20_000);
    expect(out.view().subarray(line.length * 19_999)).toEqual(line);
  });
});
