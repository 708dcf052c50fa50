import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, type Document } from 'yaml';
import { fastYamlValues } from '../../plugins/model/fast-yaml.ts';
import { MAX_DEPTH } from '../../plugins/model/parse-source.ts';

/**
 * The fast path must never read a text differently from `yaml`: it either gives exactly
 * the values `yaml` gives (for text `yaml` reads without error), or declines.
 */
function reference(text: string): { errors: boolean; values: unknown[] } {
  const docs = [parseAllDocuments(text, { uniqueKeys: true, logLevel: 'silent' })].flat() as Document.Parsed[];
  const errors = docs.some((doc) => doc.errors.length > 0);
  const values = errors ? [] : docs.filter((doc) => doc.contents !== null).map((doc) => doc.toJS({ maxAliasCount: 100 }));
  return { errors, values: values.filter((value) => value !== null && value !== undefined) };
}

function agrees(text: string): void {
  const fast = fastYamlValues(text, MAX_DEPTH);
  if (fast === undefined) return;
  const { errors, values } = reference(text);
  expect(errors, `the fast path read text that yaml refuses:\n${text}`).toBe(false);
  expect(fast, text).toEqual(values);
}

const SCALARS = [
  '1',
  '-0',
  '+12',
  '012',
  '1_000',
  '0o17',
  '0O17',
  '0x1F',
  '0X1f',
  '0b101',
  '1.',
  '.5',
  '-.5',
  '+.5',
  '1e3',
  '1E+3',
  '1.5e-3',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  'NaN',
  '~',
  'null',
  'Null',
  'NULL',
  'nULL',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'yes',
  'on',
  'off',
  'y',
  '12:30',
  '2024-01-01',
  '2024-01-01T10:00:00Z',
  '"1"',
  "'true'",
  '"a\\tb\\u00e9"',
  "'it''s'",
  'a # comment',
  'a#b',
  '9007199254740993',
  '1e400',
  '-',
  'a: b',
  '[]',
  '{}',
  '[1, "2", three]',
  '{a: 1, b: [x]}',
];

describe('the fast YAML path', () => {
  it('reads every plain and quoted scalar as yaml does', () => {
    for (const scalar of SCALARS) {
      agrees(`value: ${scalar}\n`);
      agrees(`- ${scalar}\n`);
      agrees(`[${scalar}]\n`);
    }
  });

  it('reads block scalars, comments, documents and Markdown front matter as yaml does', () => {
    for (const text of [
      'a: |\n  line one\n  line two\n\n',
      'a: |-\n  x\n\n\n',
      'a: >\n  folded\n  text\n\n  para\n',
      'a: >+\n  keep\n\n',
      'a: |2\n    indented\n',
      '# only a comment\n',
      '---\n---\n',
      'a: 1\n---\nb: 2\n',
      '---\na: 1\n...\n---\nb: 2\n',
      '--- null\n',
      'a:\n  - b: 1\n    c: 2\n  -   - nested\n',
      '\n\n\nid: x\nname: "multi\n  line"\n',
      'a: "unterminated\n',
      'a: [1, 2\n',
      'a:\tb\n',
      'a:\n\t- b\n',
      '"key": 1\n\'other\': 2\n',
    ])
      agrees(text);
  });

  it('declines what it could read differently', () => {
    for (const text of [
      'a: 1\na: 2\n',
      'a: !!binary aGk=\n',
      'a: !custom x\n',
      'a: &x 1\nb: *x\n',
      'base: &b {x: 1}\nmerged:\n  <<: *b\n',
      '? [a, b]\n: c\n',
      '[a, b]: c\n',
      '{a: 1}: c\n',
      '%YAML 1.1\n---\na: yes\n',
      'null: x\n',
      '~: x\n',
      ': x\n',
      `${'k'.repeat(1100)}: v\n`,
      `${'['.repeat(80)}${']'.repeat(80)}\n`,
      'a: [',
      // Text straight after a flow collection closes: js-yaml reads a new key, yaml refuses.
      'a: [x, y\n]b: [z]\n',
      'a: {x: 1\n}b: 2\n',
      // A quoted scalar running on to a line left of its key: js-yaml reads on, yaml refuses.
      'a:\n b: "-\n"  c: R\n',
      "a:\n b: '-\n'  c: R\n",
    ])
      expect(fastYamlValues(text, MAX_DEPTH), text).toBeUndefined();
  });

  it('agrees with yaml on random documents', () => {
    const scalar = fc.constantFrom(...SCALARS, 'plain text', "it's", 'a: b', '- x', '#', '"', "'", '[', '{', '|', '>', '', ' ');
    const key = fc.constantFrom('id', 'name', 'a b', '1', 'true', '"q"', "'s'", '-', '?', '<<', '__proto__', 'x');
    const line = fc.tuple(fc.nat({ max: 6 }), fc.constantFrom('', '- ', '? '), key, fc.constantFrom(': ', ':', ' : '), scalar);
    const text = fc
      .array(
        fc.oneof(
          line.map(([indent, dash, k, sep, v]) => `${' '.repeat(indent)}${dash}${k}${sep}${v}`),
          fc.constantFrom('---', '...', '# c', ''),
        ),
        {
          maxLength: 12,
        },
      )
      .map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(text, (t) => agrees(t)),
      { numRuns: 3000, seed: 20261125 },
    );
  });

  it('agrees with yaml on every file of the bundled example, and on mutations of them', () => {
    const content = path.resolve(import.meta.dirname, '../../content');
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        return statSync(full).isDirectory() ? walk(full) : /\.ya?ml$/.test(name) ? [full] : [];
      });
    const texts = walk(content).map((file) => readFileSync(file, 'utf8'));
    let fast = 0;
    for (const text of texts) {
      agrees(text);
      if (fastYamlValues(text, MAX_DEPTH) !== undefined) fast++;
    }
    // The fast path is the common case, not a rare one.
    expect(fast).toBeGreaterThan(texts.length * 0.8);

    const edit = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('delete', 'double', 'swap', 'indent', 'dedent'));
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(edit, { minLength: 1, maxLength: 4 }), (original, edits) => {
        let text = original;
        for (const [at, where, kind] of edits) {
          const lines = text.split('\n');
          const i = at % lines.length;
          if (kind === 'delete') lines.splice(i, 1);
          else if (kind === 'double') lines.splice(i, 0, lines[i]!);
          else if (kind === 'indent') lines[i] = ` ${lines[i]}`;
          else if (kind === 'dedent') lines[i] = lines[i]!.replace(/^ /, '');
          else {
            const j = where % Math.max(1, text.length - 1);
            text = text.slice(0, j) + text.charAt(j + 1) + text.charAt(j) + text.slice(j + 2);
            continue;
          }
          text = lines.join('\n');
        }
        agrees(text);
      }),
      { numRuns: 2000, seed: 20261125 },
    );
  });
});
