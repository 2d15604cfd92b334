/**
 * The server transformer must write exactly what superjson wrote: the same JSON text for every
 * value, the fast path taken only for plain JSON trees, and what the client's superjson reads back
 * equal to the value sent.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import superjson from 'superjson';
import { isPlainJsonTree, transformer } from '../../../server/trpc/transformer.ts';

/** The JSON text a serializer writes, or the message it throws. */
function written(serialize: (value: unknown) => unknown, value: unknown): string {
  try {
    return JSON.stringify(serialize(value));
  } catch (err) {
    return `threw ${(err as Error).message}`;
  }
}
const sameText = (value: unknown) => expect(written((v) => transformer.serialize(v), value)).toBe(written((v) => superjson.serialize(v), value));

/** What superjson does not pass through as it is, anywhere in a JSON value: -0 (annotated), a key it refuses (throws). */
const needsSuperjson = (value: unknown): boolean => (typeof value === 'number' ? Object.is(value, -0)
  : typeof value === 'object' && value !== null
    ? Object.keys(value).some((k) => ['__proto__', 'constructor', 'prototype'].includes(k)) || Object.values(value).some(needsSuperjson)
    : false);

class Money {
  constructor(readonly fen: number) {}
}

describe('server transformer', () => {
  it('takes the fast path for plain JSON and answers { json: value } itself', () => {
    const value = { rows: [{ fundId: 1, tier: 'red', flags: ['short_history'], resident: null, rated: true }], total: 1.5 };
    expect(isPlainJsonTree(value)).toBe(true);
    expect(transformer.serialize(value)).toEqual({ json: value });
    expect((transformer.serialize(value) as { json: unknown }).json).toBe(value);
    sameText(value);
  });

  it.each([
    ['undefined field', { a: undefined }],
    ['undefined element', [1, undefined]],
    ['hole', [1, , 3]], // eslint-disable-line no-sparse-arrays
    ['NaN', { x: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['-Infinity', [Number.NEGATIVE_INFINITY]],
    ['-0', { x: -0 }],
    ['Date', { at: new Date(Date.UTC(2026, 0, 1)) }],
    ['Map', { m: new Map([[1, 'a']]) }],
    ['Set', { s: new Set([1]) }],
    ['BigInt', { n: 10n }],
    ['RegExp', { r: /a+/g }],
    ['Error', { e: new Error('boom') }],
    ['class instance', { m: new Money(5) }],
  ])('leaves a value with %s to superjson (same text)', (_what, value) => {
    sameText(value);
  });

  it('leaves shared and circular objects to superjson, which annotates them', () => {
    const shared = { lo: 1, hi: 2 };
    const value = { a: shared, b: shared };
    expect(isPlainJsonTree(value)).toBe(false);
    expect(superjson.serialize(value).meta?.referentialEqualities).toBeDefined();
    sameText(value);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(isPlainJsonTree(cyclic)).toBe(false);
    sameText(cyclic);
  });

  it('leaves a key superjson refuses to superjson, which throws as before', () => {
    const value = JSON.parse('{"__proto__": {"x": 1}}') as unknown;
    expect(() => superjson.serialize(value)).toThrow('Detected property __proto__');
    expect(() => transformer.serialize(value)).toThrow('Detected property __proto__');
  });

  it('takes a null-prototype object as superjson does, as a plain object', () => {
    const value = Object.assign(Object.create(null) as object, { a: 1 });
    expect(isPlainJsonTree(value)).toBe(true);
    sameText(value);
  });

  it('takes the fast path for every JSON value superjson passes through, with the same text (property)', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(isPlainJsonTree(value)).toBe(!needsSuperjson(value));
      sameText(value);
    }), { seed: 7, numRuns: 500 });
  });

  it('writes the same text as superjson for anything, and round-trips through the client (property)', () => {
    fc.assert(fc.property(fc.anything({ withDate: true, withMap: true, withSet: true, withBigInt: true, withNullPrototype: true, withSparseArray: true }), (value) => {
      const text = written((v) => transformer.serialize(v), value);
      expect(text).toBe(written((v) => superjson.serialize(v), value));
      if (!text.startsWith('threw')) expect(superjson.parse(text)).toEqual(superjson.parse(JSON.stringify(superjson.serialize(value))));
    }), { seed: 11, numRuns: 500 });
  });

  it('reads client input with superjson', () => {
    const payload = superjson.serialize({ at: new Date(Date.UTC(2026, 5, 1)), n: 3 });
    expect(transformer.deserialize(payload)).toEqual({ at: new Date(Date.UTC(2026, 5, 1)), n: 3 });
  });
});
