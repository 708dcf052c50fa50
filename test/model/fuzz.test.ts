import fc from 'fast-check';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../plugins/model/codes.ts';
import { formatDiagnostics } from '../../plugins/model/format.ts';
import { loadModel } from '../../plugins/model/load.ts';

/**
 * Property: whatever happens to the bundled example's files (lines deleted or doubled,
 * characters swapped, keys invented, values of the wrong type, bytes of any kind), the check
 * ends with positioned diagnostics and never throws. CI runs a fixed seed; set
 * ARCHSITE_FUZZ_RUNS (and ARCHSITE_FUZZ_SEED) for longer runs.
 */
const RUNS = Number(process.env.ARCHSITE_FUZZ_RUNS ?? 250);
const SEED = Number(process.env.ARCHSITE_FUZZ_SEED ?? 20261125);

const example = path.resolve(import.meta.dirname, '../../content');
const root = mkdtempSync(path.join(os.tmpdir(), 'archsite-fuzz-'));
cpSync(example, path.join(root, 'content'), { recursive: true });

function elementFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      const rel = prefix ? `${prefix}/${name}` : name;
      return statSync(full).isDirectory() ? elementFiles(full, rel) : /\.(ya?ml|mdx?|json)$/.test(name) ? [rel] : [];
    });
}
const files = elementFiles(path.join(root, 'content'));
// Hostile files for `$ref`s and fields to name: an alias bomb, nesting past every limit, a page with a script.
const bomb = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
];
for (const [file, text] of [
  ['apis/bomb.yaml', `${bomb.join('\n')}\n`],
  ['apis/deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ['apis/deep.yaml', `x: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`],
  ['services/webhooks.html', '# <script>alert(1)</script>\ntype Query { a: Int }\n'],
  ['services/order-service.openapi.yaml.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
] as const) {
  mkdirSync(path.dirname(path.join(root, 'content', file)), { recursive: true });
  writeFileSync(path.join(root, 'content', file), text);
}
const originals = new Map(files.map((f) => [f, readFileSync(path.join(root, 'content', f))]));

const VALUES = [
  '42',
  'true',
  'null',
  '[]',
  '{}',
  '"x"',
  '[a, [b, {c: d}]]',
  '&a x',
  '*a',
  '!!binary aGk=',
  '!custom x',
  '1.10',
  '0x1F',
  '*missing',
  '- item',
  '"\\u0000"',
  "'",
  '{',
  '|',
  '>-',
  // `$ref`s of every form a description must refuse, and files of the wrong type for a field.
  '{ $ref: "/etc/passwd" }',
  '{ $ref: "file:///etc/passwd" }',
  '{ $ref: "http://127.0.0.1:9/x.yaml" }',
  '{ $ref: "//127.0.0.1/x.yaml" }',
  '{ $ref: "../../../../etc/passwd" }',
  '{ $ref: "./" }',
  '{ $ref: "../risks/x.yaml" }',
  '{ $ref: "../system.yaml" }',
  '{ $ref: "./product.proto" }',
  '{ $ref: "#/components/schemas/Nope" }',
  '{ $ref: "../apis/bomb.yaml" }',
  '{ $ref: "../apis/deep.json" }',
  '{ $ref: "../apis/deep.yaml#/x" }',
  './webhooks.html',
  './order-service.openapi.yaml.svg',
  '../apis/bomb.yaml',
  `${'['.repeat(300)}${']'.repeat(300)}`,
];
const KEYS = [
  'name',
  'id',
  'typ',
  'domian',
  'events',
  'uses',
  'nodes',
  'schema',
  'supersedes',
  '__proto__',
  'constructor',
  'valueOf',
  'toString',
  '<<',
  'x'.repeat(300),
  '$ref',
  'openapi',
  'graphql',
  'proto',
];

type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'double-line'; at: number }
  | { kind: 'swap'; at: number }
  | { kind: 'key'; at: number; key: string; value: string; indent: number }
  | { kind: 'value'; at: number; value: string }
  | { kind: 'bytes'; at: number; bytes: number[] }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('double-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('key' as const),
    at: fc.nat(),
    key: fc.constantFrom(...KEYS),
    value: fc.constantFrom(...VALUES),
    indent: fc.constantFrom(0, 2, 4, 1),
  }),
  fc.record({ kind: fc.constant('value' as const), at: fc.nat(), value: fc.constantFrom(...VALUES) }),
  fc.record({
    kind: fc.constant('bytes' as const),
    at: fc.nat(),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function apply(original: Buffer, m: Mutation): Buffer {
  const text = original.toString('utf8');
  const lines = text.split('\n');
  const line = m.at % Math.max(1, lines.length);
  switch (m.kind) {
    case 'delete-line':
      lines.splice(line, 1);
      return Buffer.from(lines.join('\n'));
    case 'double-line':
      lines.splice(line, 0, lines[line] ?? '');
      return Buffer.from(lines.join('\n'));
    case 'swap': {
      const i = m.at % Math.max(1, text.length - 1);
      return Buffer.from(text.slice(0, i) + text.charAt(i + 1) + text.charAt(i) + text.slice(i + 2));
    }
    case 'key':
      lines.splice(line, 0, `${' '.repeat(m.indent)}${m.key}: ${m.value}`);
      return Buffer.from(lines.join('\n'));
    case 'value':
      lines[line] = (lines[line] ?? '').replace(/:\s.*$/, `: ${m.value}`);
      return Buffer.from(lines.join('\n'));
    case 'bytes': {
      const i = m.at % (original.length + 1);
      return Buffer.concat([original.subarray(0, i), Buffer.from(m.bytes), original.subarray(i)]);
    }
    case 'truncate':
      return original.subarray(0, m.at % (original.length + 1));
  }
}

const codes = new Set(Object.keys(CODES));

describe('fuzzing the bundled example', () => {
  it.each([
    ['any file', files, RUNS],
    // The API description and the files naming assets, where `$ref`s and file paths are read.
    [
      'the API description and the files that name assets',
      files.filter((f) => /openapi|order-service\.yaml|product|\.proto/.test(f)),
      Math.ceil(RUNS / 2),
    ],
  ])(
    `never throws, mutating %s`,
    async (_, candidates, runs) => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...candidates), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (file, mutations) => {
          const target = path.join(root, 'content', file);
          const mutated = mutations.reduce<Buffer>((buf, m) => apply(buf, m), originals.get(file)!);
          writeFileSync(target, mutated);
          try {
            const result = await loadModel({ contentDir: 'content', cwd: root });
            for (const d of result.diagnostics) {
              expect(codes.has(d.code)).toBe(true);
              expect(d.line).toBeGreaterThanOrEqual(1);
              expect(d.column).toBeGreaterThanOrEqual(1);
              expect(d.message).not.toMatch(/[\n\r]/);
            }
            // Exit code 0 or 1, by whether an error was found; the output formats never throw.
            expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === 'error'));
            formatDiagnostics(result.diagnostics, 'text');
            formatDiagnostics(result.diagnostics, 'github');
            JSON.parse(formatDiagnostics(result.diagnostics, 'json'));
          } finally {
            writeFileSync(target, originals.get(file)!);
          }
        }),
        { seed: SEED, numRuns: runs },
      );
    },
    600_000,
  );
});
