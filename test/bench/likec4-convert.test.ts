import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toLikeC4, type ExportedModel } from '../../bench/likec4/convert.ts';
import { exportModel } from '../../plugins/model/export.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { ROOT } from '../helpers/build.ts';

/**
 * The side-by-side bench's converter to LikeC4's DSL (LikeC4 itself is not installed for the
 * tests: bench/likec4/side-by-side.ts builds what it writes). What a LikeC4 build would
 * refuse is checked here: names, references and strings.
 */
const exported = JSON.parse(
  JSON.stringify(exportModel((await loadModel({ contentDir: path.join(ROOT, 'content') })).model!)),
) as ExportedModel;

/** Every element's fully qualified name, from the nesting of `id = kind "title" {` lines. */
function declared(source: string): Set<string> {
  const names = new Set<string>();
  const stack: string[] = [];
  const body = source.slice(source.indexOf('model {'), source.indexOf('\n}\n', source.indexOf('model {')));
  for (const line of body.split('\n').slice(1)) {
    const depth = (line.length - line.trimStart().length) / 2 - 1;
    stack.length = Math.max(0, depth);
    const match = /^\s*([\w-]+) = \w+ "/.exec(line);
    if (match) {
      names.add([...stack, match[1]].join('.'));
      if (line.endsWith('{')) stack.push(match[1]!);
    }
  }
  return names;
}

describe('the model in LikeC4', () => {
  const source = toLikeC4(exported, { deployments: true });
  const names = declared(source);

  it('declares every person, system, domain, service, resource and event once, under a valid name', () => {
    const kinds = new Set(['person', 'system', 'domain', 'service', 'resource', 'event']);
    const expected = exported.elements.filter((e) => kinds.has(e.kind)).length;
    // The elements, the system holding them, and the components of services.
    expect(names.size).toBeGreaterThan(expected);
    for (const name of names) for (const part of name.split('.')) expect(part).toMatch(/^[A-Za-z_][\w-]*$/);
    expect(names).toContain('platform.order-management.order-service');
    expect(names).toContain('customer');
  });

  it('points every relation, view and deployed instance at a declared element', () => {
    const references = [
      ...[...source.matchAll(/^ {2}([\w.-]+) -> ([\w.-]+)/gm)].flatMap((m) => [m[1]!, m[2]!]),
      ...[...source.matchAll(/ of ([\w.-]+) \{$/gm)].map((m) => m[1]!),
      ...[...source.matchAll(/instanceOf ([\w.-]+)$/gm)].map((m) => m[1]!),
    ];
    expect(references.length).toBeGreaterThan(100);
    for (const reference of references) expect(names, reference).toContain(reference);
    expect(source).toMatch(/^ {2}platform\.\S+order-service -> \S+order_created "publishes"$/m);
  });

  it('draws a view of each domain, service and event, and the deployments only when asked', () => {
    const count = (kind: string) => exported.elements.filter((e) => e.kind === kind).length;
    const views = [...source.matchAll(/^ {2}view [\w-]+ of /gm)].length;
    expect(views).toBe(1 + count('domain') + count('service') + count('event'));
    expect(source).toMatch(/^ {2}deployment view /m);
    expect(toLikeC4(exported)).not.toMatch(/^deployment \{|deployment view/m);
  });

  it('writes names that are keywords or start with a digit, and hostile text, so that LikeC4 reads them as written', () => {
    const hostile: ExportedModel = {
      ...exported,
      elements: [
        { kind: 'person', id: 'model', data: { name: 'Say "hi" \\ <script>alert(1)</script>\nbye' } },
        { kind: 'person', id: '0800', data: { name: 'Digits' } },
        { kind: 'person', id: 'a.b', data: { name: 'Dotted' } },
        { kind: 'person', id: 'a_b', data: { name: 'Underscored' } },
        { kind: 'resource', id: 'constructor', data: { name: 'Inherited names' } },
        { kind: 'event', id: 'toString', data: { name: 'Inherited too' } },
      ],
    };
    const text = toLikeC4(hostile);
    expect(text).toContain('  model_ = actor "Say \\"hi\\" \\\\ <script>alert(1)</script> bye" {');
    expect(text).toContain('  _0800 = actor "Digits" {');
    expect(text).toContain('  a_b = actor "Dotted" {');
    expect(text).toContain('  a_b_2 = actor "Underscored" {');
    expect(text).toContain('    constructor = resource "Inherited names" {');
    expect(text).toContain('    toString = event "Inherited too" {');
  });
});
