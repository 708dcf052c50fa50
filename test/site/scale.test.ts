import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTree, page, text, texts, type BuildRun } from '../helpers/build.ts';

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

describe('who sends to whom, past the size of a grid', () => {
  it('domains/d/ lists each of the 500 receivers of the hub once, not a grid of 500 columns, and stays small', () => {
    const tree = page(built.out, 'domains/d/');
    expect(texts(tree, '.as-message-matrix')).toEqual([]);
    expect(text(tree, '.as-message-list caption')).toMatch(/^1 service sends events to 500, too many for a grid/);
    const rows = texts(tree, '.as-message-list tbody tr');
    expect(rows).toHaveLength(CONSUMERS);
    // The sender heads its rows once; each row names the receiver and what it receives.
    expect(rows[0]).toBe('Hub Consumer 0 Big event');
    expect(rows[1]).toBe('Consumer 1 Big event');
    expect(texts(tree, '.as-message-list th[scope="rowgroup"]')).toEqual(['Hub']);
    expect(statSync(path.join(built.out, 'domains/d/index.html')).size).toBeLessThan(800_000);
  });
});
