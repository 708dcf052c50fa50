import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTree, page, text, type BuildRun } from '../helpers/build.ts';

/**
 * Past mermaid's limits, never silently: a service with 2,000 dependencies and an event with
 * 500 consumers build, with a warning naming each view that was reduced, a note under its
 * figure, no mermaid error image anywhere, and pages that stay small.
 */
const CONSUMERS = 500;
const SYSTEMS = 1500;

function scaleSite(): Record<string, string> {
  const consumers = Array.from({ length: CONSUMERS }, (_, i) => `c${i}`);
  const systems = Array.from({ length: SYSTEMS }, (_, i) => `x${i}`);
  // Many elements, few files: a file of several documents per kind.
  return {
    'content/system.yaml': 'name: Scale\n',
    'content/domains/d.yaml': 'name: D\ntype: core\n',
    'content/events/big.yaml': 'name: Big event\n',
    'content/services/hub.yaml': `name: Hub\nresponsibility: Calls everything.\ndomain: d\nevents: { publishes: [big] }\ndependencies: [${[...consumers, ...systems].join(', ')}]\n`,
    'content/services/consumers.yaml': consumers
      .map((id, i) => `---\nid: ${id}\nname: Consumer ${i}\nresponsibility: Consumes.\ndomain: d\nevents: { consumes: [big] }\n`)
      .join(''),
    'content/systems/all.yaml': systems.map((id, i) => `---\nid: ${id}\nname: External system ${i}\n`).join(''),
  };
}

let built: BuildRun;
beforeAll(() => {
  built = buildTree(scaleSite());
}, 600_000);

describe('views past what mermaid draws', () => {
  it('build, with a warning naming each view that was reduced', () => {
    expect(built.code, built.stderr).toBe(0);
    const output = built.stdout + built.stderr;
    expect(output).toMatch(
      /the diagram "Neighbourhood of Hub" is too large to draw whole: \d+ of its 2001 boxes and \d+ of its \d+ relations are left out/,
    );
    expect(output).toMatch(/the diagram "Flow of big" is too large to draw whole: \d+ of its 502 boxes/);
    expect(output).not.toMatch(/\[ERROR\]|internal error|Maximum text size/);
  });

  it.each([
    ['services/hub/', 'neighbourhood'],
    ['events/big/', 'event-flow'],
  ])('%s shows the reduced diagram with a note, no mermaid error, and stays small', (route, view) => {
    const file = path.join(built.out, route, 'index.html');
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/Maximum text size in diagram exceeded|Syntax error in text|Too many edges/);
    const tree = page(built.out, route);
    expect(text(tree, `figure[data-view="${view}"] .as-diagram-note`)).toMatch(
      /are left out: the diagram would be too large to draw and to read/,
    );
    expect(statSync(file).size).toBeLessThan(800_000);
  });
});
