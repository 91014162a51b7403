import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { changeSchema } from '../../../shared/sync/change';
import { formatStamp } from '../../../shared/sync/hlc';
import { parseChange, parseChangeInPlace } from '../../../shared/sync/parseChange';

/**
 * parseChange is changeSchema.safeParse with a fast path. It must give zod's answer for every
 * input: the same verdict, and on success the same value (keys, key order, values by identity);
 * on refusal, zod's own issues. Checked on valid records of every shape and on records mutated in
 * the ways a hostile or damaged file can: each key removed, replaced by values of every type and of
 * boundary lengths, records and sub-records with odd prototypes, symbol, `__proto__`, `constructor`,
 * empty, overlong and non-enumerable keys, getters, shared objects.
 */

const DEVICES = ['00000000000000a1', 'de00000000000001'];
const stampArb = fc
  .record({ wall: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) }), counter: fc.integer({ min: 0, max: 0xffff }), device: fc.constantFrom(...DEVICES) })
  .map(({ wall, counter, device }) => formatStamp(wall, counter, device));

const text = (min: number, max: number) => fc.string({ minLength: min, maxLength: max, unit: fc.constantFrom('a', 'ئ', '团', '\u0000', '\ud800', '😀', '-') });

const validArb = fc
  .record({
    hlc: stampArb,
    author: text(1, 64),
    table: fc.oneof(fc.constantFrom('org', 'round', 'statReport'), text(1, 64)),
    row: text(1, 128),
    fields: fc.dictionary(fc.oneof(text(1, 64), fc.constantFrom('members', '0', '12', 'constructor_', 'toString', 'hasOwnProperty')), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined)), { maxKeys: 6, noNullPrototype: true }),
    base: fc.dictionary(fc.oneof(fc.string({ maxLength: 70 }), fc.constant('')), fc.oneof(stampArb, fc.constant(''), fc.string()), { maxKeys: 6, noNullPrototype: true }),
    scope: text(1, 64),
    schema: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  })
  .map(({ hlc, ...rest }) => ({ id: hlc, hlc, device: hlc.slice(-16), ...rest }));

class Record_ {
  constructor(values: object) {
    Object.assign(this, values);
  }
}

/** Values of every kind, including the ones JSON cannot make. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, null, true, false, 0, -0, 1, -1, 1.5, 2 ** 53, 2 ** 53 - 1, -(2 ** 53), NaN, Infinity, -Infinity, '', 'x', 'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(128), 'x'.repeat(129)),
  fc.constantFrom('0000000000000000', '00000000000000A1', '00000000000000a', '2026-01-01T00:00:00.000Z-0000-00000000000000a1', '2026-01-01T00:00:00.000Z-0000-00000000000000a1 '),
  // Made afresh each time: a mutation may write into them.
  fc.constantFrom(
    () => new Date(0),
    () => new Map(),
    () => [],
    () => Object.create(null) as object,
    () => ({}),
    () => new Record_({}),
    () => 10n,
    () => Symbol('s'),
    () => () => 1,
  ).map((make) => make()),
  fc.string(),
  fc.jsonValue({ maxDepth: 2 }),
  fc.integer(),
  fc.double(),
);

/** Ways to damage a record (or one of its sub-records) in place; each returns the damaged record. */
type Mutation = (record: Record<string, unknown>) => unknown;
const KEYS = ['id', 'hlc', 'device', 'author', 'table', 'row', 'fields', 'base', 'scope', 'schema'];

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...KEYS).map((key): Mutation => (r) => { delete r[key]; return r; }),
  fc.tuple(fc.constantFrom(...KEYS), anyValue).map(([key, value]): Mutation => (r) => { r[key] = value; return r; }),
  fc.tuple(fc.string(), anyValue).map(([key, value]): Mutation => (r) => { r[key] = value; return r; }),
  fc.tuple(fc.constantFrom('fields', 'base'), fc.oneof(fc.string({ maxLength: 70 }), fc.constantFrom('', 'x'.repeat(64), 'x'.repeat(65), 'constructor', '1', '__proto__')), anyValue).map(
    ([sub, key, value]): Mutation => (r) => {
      const target = r[sub] as Record<string, unknown>;
      if (typeof target !== 'object' || target === null || Object.isFrozen(target)) return r;
      if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
      else target[key] = value;
      return r;
    },
  ),
  fc.constantFrom<Mutation>(
    (r) => new Record_(r),
    (r) => Object.assign(Object.create(null), r),
    (r) => Object.assign(Object.create({ inherited: 1 }), r),
    (r) => [r],
    // As JSON.parse makes it: an own, enumerable `__proto__` key.
    (r) => ({ ...r, fields: Object.assign(JSON.parse('{"__proto__":{"archived":true}}'), r.fields) }),
    (r) => ({ ...r, base: Object.assign(JSON.parse('{"__proto__":""}'), r.base) }),
    (r) => ({ ...r, fields: new Record_(r.fields as object) }),
    (r) => ({ ...r, base: Object.assign(Object.create(null), r.base) }),
    (r) => ({ ...r, fields: Object.assign(Object.create(null), r.fields) }),
    (r) => ({ ...r, fields: [1, 2] }),
    (r) => ({ ...r, fields: { ...(r.fields as object), [Symbol('s')]: 1 } }),
    (r) => ({ ...r, base: { ...(r.base as object), [Symbol('s')]: '' } }),
    (r) => {
      if (typeof r.fields !== 'object' || r.fields === null) return r;
      Object.defineProperty(r.fields, 'hidden', { value: 5, enumerable: false });
      return r;
    },
    (r) => {
      let author: unknown = 'by getter';
      Object.defineProperty(r, 'author', { get: () => author, set: (v) => (author = v), enumerable: true, configurable: true });
      return r;
    },
    (r) => ({ ...r, fields: { ...(r.fields as object), constructor: () => 1 } }),
    (r) => ({ ...r, fields: { ...(r.fields as object), constructor: 'text' } }),
    (r) => ({ ...r, base: { ...(r.base as object), constructor: 'x' } }),
    (r) => ({ ...r, base: r.fields }),
    (r) => ({ ...r, fields: {}, base: {} }),
    (r) => ({ ...r, id: r.hlc, hlc: r.id }),
    (r) => ({ extra: 1, ...r, more: [1] }),
    (r) => ({ ...r, schema: '1' }),
    (r) => new Map(Object.entries(r)),
    () => null,
    () => 'a change',
    () => undefined,
  ),
);

function orderOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return Reflect.ownKeys(value).map((k) => [String(k), orderOf((value as Record<PropertyKey, unknown>)[k])]);
}

function expectSameAnswer(record: unknown): void {
  const zod = changeSchema.safeParse(record);
  const ours = parseChange(record);
  expect(ours.success).toBe(zod.success);
  if (ours.success && zod.success) {
    // Keys, their order and values, at every depth (toStrictEqual would trip over an own
    // `constructor` key, which it takes for the class).
    expect(orderOf(ours.data)).toEqual(orderOf(zod.data));
    for (const part of ['fields', 'base'] as const) {
      expect(Object.getPrototypeOf(ours.data[part])).toBe(Object.getPrototypeOf(zod.data[part]));
      for (const key of Reflect.ownKeys(zod.data[part])) expect(ours.data[part][key as string]).toBe(zod.data[part][key as string]);
    }
    expect(Object.getPrototypeOf(ours.data)).toBe(Object.getPrototypeOf(zod.data));
  } else {
    expect(ours.error!.issues).toEqual(zod.error!.issues);
  }
  // In place: the same verdict, and the record itself only where zod's copy holds exactly what it holds.
  const inPlace = parseChangeInPlace(record);
  expect(inPlace.success).toBe(zod.success);
  if (inPlace.success && zod.success) expect(orderOf(inPlace.data)).toEqual(orderOf(zod.data));
  else expect(inPlace.error!.issues).toEqual(zod.error!.issues);
}

describe('parseChange: changeSchema with a fast path', () => {
  it('gives zod’s answer on valid records', () => {
    fc.assert(fc.property(validArb, (record) => {
      expect(changeSchema.safeParse(record).success).toBe(true);
      expectSameAnswer(record);
    }), { numRuns: 2_000 });
  }, 30_000);

  it('takes the fast path for the records League Desk writes (the test above is not zod against zod)', () => {
    const spy = vi.spyOn(changeSchema, 'safeParse');
    try {
      fc.assert(fc.property(validArb, (record) => {
        // A `__proto__` key is the one thing a valid record can hold that the fast path leaves to zod.
        fc.pre(![record.fields, record.base].some((r) => Object.hasOwn(r, '__proto__')));
        spy.mockClear();
        expect(parseChange(record).success).toBe(true);
        expect(parseChangeInPlace(record)).toEqual({ success: true, data: record });
        expect(parseChangeInPlace(record).data).toBe(record);
        expect(spy).not.toHaveBeenCalled();
      }), { numRuns: 500 });
    } finally {
      spy.mockRestore();
    }
  });

  it('gives zod’s answer on records damaged in every way, one or several at once', () => {
    fc.assert(fc.property(validArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (record, mutations) => {
      let damaged: unknown = record;
      for (const mutate of mutations) {
        if (typeof damaged !== 'object' || damaged === null || Array.isArray(damaged) || damaged instanceof Map) break;
        damaged = mutate(damaged as Record<string, unknown>);
      }
      expectSameAnswer(damaged);
    }), { numRuns: 5_000 });
  }, 30_000);

  it('gives zod’s answer on records that went through JSON and through structured clone', () => {
    fc.assert(fc.property(validArb, (record) => {
      expectSameAnswer(JSON.parse(JSON.stringify(record)));
      expectSameAnswer(structuredClone(record));
    }), { numRuns: 500 });
  });
});
