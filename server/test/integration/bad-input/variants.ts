/**
 * Hostile variants of a valid request, for the bad-input harness. Each variant says in `label` what
 * it changed, so a failure can be read and replayed.
 */

export type RawBody = { payload: string | Buffer; contentType: string | null };
export type Variant = { label: string; body: RawBody };

const json = (value: unknown): RawBody => ({
  payload: JSON.stringify(value),
  contentType: 'application/json',
});
const HUGE = 'x'.repeat(100_000);

const BAD_TEXT: readonly [string, unknown][] = [
  ['NUL', '\u0000'],
  ['NUL inside', 'ab\u0000cd'],
  ['lone high surrogate', '\uD800'],
  ['lone low surrogate', 'x\uDFFFy'],
  ['100 kB', HUGE],
];
const WRONG_TYPES: readonly [string, unknown][] = [
  ['array', ['x']],
  ['object', { a: 1 }],
  ['null', null],
];
const BAD_NUMBERS: readonly [string, unknown][] = [
  ['1e20', 1e20],
  ['-1', -1],
  ['1e308', 1e308],
  ['-1e308', -1e308],
  ['"1e400"', '1e400'],
  ['"NaN"', 'NaN'],
  ['1.5', 1.5],
  ['0', 0],
];

type Leaf = { path: (string | number)[]; value: unknown };

function collectLeaves(value: unknown, path: (string | number)[] = [], out: Leaf[] = []): Leaf[] {
  out.push({ path, value });
  if (Array.isArray(value)) value.forEach((item, index) => collectLeaves(item, [...path, index], out));
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) collectLeaves(item, [...path, key], out);
  return out;
}

function replaceAt(root: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(root))
    return (root as unknown[]).map((item, index) =>
      index === head ? replaceAt(item, rest, replacement) : item,
    );
  const object = root as Record<string, unknown>;
  return { ...object, [head as string]: replaceAt(object[head as string], rest, replacement) };
}

/** JSON text nested `depth` objects deep, written as text: JSON.stringify itself would overflow. */
function withNested(base: object, depth: number): RawBody {
  const deep = `${'{"a":'.repeat(depth)}"bottom"${'}'.repeat(depth)}`;
  const text = JSON.stringify({ ...base, zzDeep: 0 }).replace('"zzDeep":0', `"zzDeep":${deep}`);
  return { payload: text, contentType: 'application/json' };
}

/** Per-field mutations of a sample JSON body: bad text, wrong types, extreme numbers, huge arrays. */
export function fieldVariants(sample: unknown): Variant[] {
  const variants: Variant[] = [];
  for (const leaf of collectLeaves(sample)) {
    if (leaf.path.length === 0) continue;
    const name = leaf.path.join('.');
    const add = (what: string, replacement: unknown) =>
      variants.push({ label: `${name} = ${what}`, body: json(replaceAt(sample, leaf.path, replacement)) });
    if (typeof leaf.value === 'string') {
      for (const [what, bad] of [...BAD_TEXT, ...WRONG_TYPES, ['number', 12] as const]) add(what, bad);
    } else if (typeof leaf.value === 'number') {
      for (const [what, bad] of [...BAD_NUMBERS, ...WRONG_TYPES]) add(what, bad);
    } else if (typeof leaf.value === 'boolean') {
      for (const [what, bad] of [['"true"', 'true'], ['1', 1], ...WRONG_TYPES] as const) add(what, bad);
    } else if (Array.isArray(leaf.value)) {
      const first: unknown = (leaf.value as unknown[])[0] ?? 'x';
      add('object', { 0: first });
      add('string', 'x');
      add(
        '10,000 copies',
        Array.from({ length: 10_000 }, () => first),
      );
    } else if (typeof leaf.value === 'object' && leaf.value !== null) {
      add('string', 'x');
      add('array', [leaf.value]);
      add('null', null);
      add('NUL key', { ...leaf.value, '\u0000': 'x' });
      add('extra property', { ...leaf.value, zzUnknown: 'x' });
    }
  }
  return variants;
}

/** Only the bad-text mutations of every string field: the cheap set sent by every role. */
export function badTextVariants(sample: unknown): Variant[] {
  return collectLeaves(sample)
    .filter((leaf) => typeof leaf.value === 'string')
    .flatMap((leaf) =>
      BAD_TEXT.slice(0, 3).map(([what, bad]) => ({
        label: `${leaf.path.join('.')} = ${what}`,
        body: json(replaceAt(sample, leaf.path, bad)),
      })),
    );
}

/** Whole-body mutations: wrong shapes, invalid JSON, wrong content types, prototype keys, nesting. */
export function bodyVariants(sample: unknown): Variant[] {
  const base = typeof sample === 'object' && sample !== null && !Array.isArray(sample) ? sample : {};
  return [
    { label: 'no body', body: { payload: '', contentType: null } },
    { label: 'empty body with JSON content-type', body: { payload: '', contentType: 'application/json' } },
    { label: 'empty object', body: json({}) },
    { label: 'array', body: json([base]) },
    { label: 'null', body: { payload: 'null', contentType: 'application/json' } },
    { label: 'string', body: json('x') },
    { label: 'number 1e400', body: { payload: '1e400', contentType: 'application/json' } },
    { label: 'invalid JSON', body: { payload: '{"a":', contentType: 'application/json' } },
    {
      label: 'invalid UTF-8',
      body: { payload: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), contentType: 'application/json' },
    },
    { label: 'NUL byte in JSON text', body: { payload: '{"a":"\u0000"}', contentType: 'application/json' } },
    {
      label: 'unknown extra properties',
      body: json({ ...base, zzUnknown: HUGE, isAdmin: true, role: 'admin' }),
    },
    { label: 'NUL key', body: json({ ...base, '\u0000': 'x' }) },
    { label: 'lone surrogate key', body: json({ ...base, '\uD800': 'x' }) },
    {
      label: '__proto__',
      body: { payload: `{"__proto__":{"isAdmin":true},"a":1}`, contentType: 'application/json' },
    },
    {
      label: 'constructor.prototype',
      body: { payload: `{"constructor":{"prototype":{"x":1}}}`, contentType: 'application/json' },
    },
    { label: 'deeply nested extra property', body: withNested(base, 5_000) },
    { label: 'text/plain', body: { payload: JSON.stringify(base), contentType: 'text/plain' } },
    {
      label: 'form-urlencoded',
      body: { payload: 'a=b&c=%00', contentType: 'application/x-www-form-urlencoded' },
    },
    {
      label: 'JSON with charset utf-16',
      body: { payload: JSON.stringify(base), contentType: 'application/json; charset=utf-16' },
    },
    { label: 'unknown content type', body: { payload: 'x', contentType: 'application/x-zz' } },
    {
      label: 'multipart with a made-up boundary',
      body: { payload: '--zz\r\n\r\n--zz--', contentType: 'multipart/form-data; boundary=zz' },
    },
  ];
}

/** Path parameter values that are not the id a route expects. */
export const BAD_PARAMS: readonly [string, string][] = [
  ['not a uuid', 'not-a-uuid'],
  ['number', '12345'],
  ['overlong', 'a'.repeat(2_000)],
  ['%00', '%00'],
  ['uuid with %00', '00000000-0000-4000-8000-000000000001%00'],
  ['invalid UTF-8', '%ED%A0%80'],
  ['truncated UTF-8', '%F0%9F'],
  ['bad percent', '%zz'],
  ['nil uuid', '00000000-0000-0000-0000-000000000000'],
  ['upper-case uuid', 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF'],
  ['dot segments', '..%2F..%2Fetc'],
];

/** Query-string values: bad text, repeated keys, extreme numbers. Each is set on every known key. */
export const BAD_QUERY_VALUES: readonly [string, string][] = [
  ['%00', '%00'],
  ['invalid UTF-8', '%ED%A0%80'],
  ['truncated UTF-8', '%F0%9F'],
  ['bad percent', '%zz'],
  ['100 kB', 'x'.repeat(100_000)],
  ['1e400', '1e400'],
  ['-1', '-1'],
  ['NaN', 'NaN'],
  ['1e20', '1e20'],
  ['empty', ''],
];
