/**
 * Arbitraries for hostile procedure inputs: values a client (or superjson over the wire: it carries
 * undefined, NaN, ±Infinity, -0, Date, BigInt, Map and Set) may send, and mutations of a valid input
 * that replace (with a hostile value, or one of the same type that points elsewhere or breaks a range),
 * drop, add, wrap or repeat one node of it, up to three at a time.
 */
import fc from 'fast-check';

type NodePath = readonly (string | number)[];

/** Marks a key to delete in {@link setAt}. */
const REMOVE = Symbol('remove');

const LONG_ASCII = 'x'.repeat(100_000);
const LONG_CJK = '职'.repeat(50_000);

/** Alternating objects and arrays `depth` levels deep around a number. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

/** What superjson can carry, so nothing here is impossible over HTTP. */
const ANYTHING = {
  withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: false, withTypedArray: false,
  withBoxedValues: false, withSparseArray: false, maxDepth: 3,
  key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'kind', 'id')),
} as const;

export const anyInput: fc.Arbitrary<unknown> = fc.anything(ANYTHING);

/** Values of the right shape that point elsewhere: other (existing) ids, years, months, enum members. */
const plausibleValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 1, max: 12 }),
  fc.constantFrom<unknown>(2000, 2025, 2026, 2100, 2200, 0.1, 0.999, 100, 5000, 50_000, '2025-12', '2026-01', '2026', 'A', 'P', 'employee', 'resident',
    'admin', 'viewer', 'deterministic', 'stochastic', 'fund', 'institution', 'scenario', 'run', 'auto', 'arima', 'combo', 'ets'),
);

/** One hostile value: wrong types, edge numbers, numbers as strings, long and odd text, deep or long structures. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  plausibleValue,
  fc.constantFrom<unknown>(
    null, undefined, true, false, 0, -0, -1, -999_999, 0.5, 1.005, NaN, Infinity, -Infinity,
    Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 1e308, -1e308, Number.MIN_VALUE,
    'NaN', 'Infinity', '-Infinity', '1e309', '0x10', '1,000', '１２３', '', ' ', '\u0000', '\uD800', '\u202Eevil', '🦠',
    '2026-02-30', '2026-13', '9999-99', '0000-00-00', 'null', '[]', '{}', '__proto__', "' or 1=1 --", '<script>alert(1)</script>',
    LONG_ASCII, LONG_CJK, [], {}, [[]], [null], new Date(Number.NaN), new Date(0), 10n ** 30n, new Map([[1, 2]]), new Set([1]),
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.double(),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  fc.integer({ min: 1, max: 3000 }).map(nested),
  fc.integer({ min: 5, max: 50_000 }).map((n) => new Array<number>(n).fill(1)),
  anyInput,
);

/** Every node of a JSON-like value, the root (`[]`) included. */
function pathsOf(value: unknown, at: NodePath = []): NodePath[] {
  const out: NodePath[] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...at, i])));
  else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]));
  return out;
}

/** A copy of `value` with the node at `path` replaced (or deleted, for REMOVE). */
function setAt(value: unknown, path: NodePath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy = [...value];
    if (replacement === REMOVE && rest.length === 0) copy.splice(Number(head), 1);
    else copy[Number(head)] = setAt(value[Number(head)], rest, replacement);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const key = String(head);
  if (replacement === REMOVE && rest.length === 0) delete copy[key];
  // defineProperty, not assignment: a `__proto__` key must stay an own property, as JSON.parse makes it
  else Object.defineProperty(copy, key, { value: setAt(copy[key], rest, replacement), enumerable: true, writable: true, configurable: true });
  return copy;
}

function getAt(value: unknown, path: NodePath): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], value);
}

type Mutation =
  | { kind: 'replace'; path: NodePath; value: unknown }
  | { kind: 'remove'; path: NodePath }
  | { kind: 'extraKey'; path: NodePath; key: string; value: unknown }
  | { kind: 'wrap'; path: NodePath; inArray: boolean }
  | { kind: 'repeat'; path: NodePath; times: number };

function apply(value: unknown, m: Mutation): unknown {
  const node = getAt(value, m.path);
  switch (m.kind) {
    case 'replace': return setAt(value, m.path, m.value);
    case 'remove': return m.path.length === 0 ? undefined : setAt(value, m.path, REMOVE);
    case 'extraKey': return isPlainObject(node) ? setAt(value, m.path, { ...node, [m.key]: m.value }) : setAt(value, m.path, { [m.key]: m.value });
    case 'wrap': return setAt(value, m.path, m.inArray ? [node] : { value: node });
    case 'repeat': return setAt(value, m.path, new Array<unknown>(m.times).fill(node));
  }
}

/** Another value of the same type as `node`, so the change passes type checks and meets range and service checks. */
function sameType(node: unknown): fc.Arbitrary<unknown> {
  if (typeof node === 'number') {
    return fc.oneof(fc.integer({ min: -3, max: 12 }), fc.double({ min: -1e6, max: 1e6 }), fc.constantFrom(0, 0.01, 0.999, 1, 1e-9, 99.99, 100, 1900, 2200, 2 ** 31 - 1, node + 1, node - 1, -node));
  }
  if (typeof node === 'string') {
    return fc.oneof(
      fc.string({ unit: 'grapheme-composite', maxLength: 20 }),
      fc.constantFrom(`${node} `, ` ${node}`, node.toUpperCase(), node.slice(0, -1), `${node}${node}`, node.normalize('NFD'), `${node}\u200b`),
    );
  }
  if (typeof node === 'boolean') return fc.constant(!node);
  if (Array.isArray(node)) return fc.constantFrom<unknown>([], node.slice(1), [...node, ...node], [...node].reverse());
  return plausibleValue;
}

/** Mutations of the node at `path` of `valid`. */
function mutationsAt(valid: unknown, path: NodePath): fc.Arbitrary<Mutation> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), path: fc.constant(path), value: badValue }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('replace' as const), path: fc.constant(path), value: sameType(getAt(valid, path)) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), path: fc.constant(path) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('extraKey' as const), path: fc.constant(path), key: fc.constantFrom('__proto__', 'constructor', 'extra', 'id'), value: badValue }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrap' as const), path: fc.constant(path), inArray: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat' as const), path: fc.constant(path), times: fc.integer({ min: 2, max: 2000 }) }) },
  );
}

/** One to three mutations of `valid` (mostly one, so most inputs differ from a valid one in one place). */
export function mutationsOf(valid: unknown): fc.Arbitrary<unknown> {
  const mutation = fc.oneof(...pathsOf(valid).map((path) => mutationsAt(valid, path)));
  return fc.oneof(
    { weight: 3, arbitrary: mutation.map((m) => apply(valid, m)) },
    { weight: 1, arbitrary: fc.array(mutation, { minLength: 2, maxLength: 3 }).map((ms) => ms.reduce(apply, valid)) },
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}
