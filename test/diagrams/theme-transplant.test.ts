import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mermaidFences } from '../../plugins/astro/diagrams/prerender.ts';
import { renderDiagrams } from '../../plugins/astro/diagrams/render.ts';
import { learnTransplant, themeSignature } from '../../plugins/astro/diagrams/theme-transplant.ts';
import { siteViews, viewOptions } from '../../plugins/diagrams/index.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { CHROMIUM } from '../helpers/browser.ts';

const { model } = loadModel({ contentDir: path.resolve(import.meta.dirname, '../../content') });
const texts = [...siteViews(model!, viewOptions('/')).map((v) => v.text), ...mermaidFences(model!).map((f) => f.text)];

async function renderInto(transplant: boolean): Promise<{ dir: string; transplanted: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'archsite-transplant-'));
  process.env.ARCHSITE_CACHE_DIR = dir;
  const report = await renderDiagrams(texts, CHROMIUM, { transplant });
  expect(report.errors.size).toBe(0);
  return { dir, transplanted: report.transplanted };
}

describe('dark diagrams derived from light ones', () => {
  it('are byte for byte the SVGs mermaid renders in the dark theme, for every diagram of the bundled example', async () => {
    const derived = await renderInto(true);
    const rendered = await renderInto(false);
    expect(rendered.transplanted).toBe(0);
    // Most dark SVGs are derived: one diagram a signature is rendered twice.
    expect(derived.transplanted).toBeGreaterThan(texts.length / 2);
    const files = readdirSync(rendered.dir)
      .filter((f) => f.endsWith('.svg'))
      .sort();
    expect(files).toHaveLength(2 * new Set(texts).size);
    expect(
      readdirSync(derived.dir)
        .filter((f) => f.endsWith('.svg'))
        .sort(),
    ).toEqual(files);
    for (const file of files)
      expect(readFileSync(path.join(derived.dir, file), 'utf8'), file).toBe(readFileSync(path.join(rendered.dir, file), 'utf8'));
  }, 180_000);

  it('groups flowcharts and entity diagrams by what styles them, and leaves other types to be rendered twice', () => {
    const flow = (body: string) => `---\nconfig:\n  layout: elk\n---\nflowchart LR\n${body}`;
    expect(themeSignature(flow('  a --> b\n  classDef x fill:#fff\n'))).toBe(
      themeSignature(flow('  c --> d\n  e\n  classDef x fill:#fff\n')),
    );
    expect(themeSignature(flow('  a --> b\n  classDef x fill:#fff\n'))).not.toBe(
      themeSignature(flow('  a --> b\n  classDef x fill:#000\n')),
    );
    expect(themeSignature('erDiagram\n  A ||--o{ B : has\n')).toBeDefined();
    expect(themeSignature('sequenceDiagram\n  A->>B: hi\n')).toBeUndefined();
    expect(themeSignature('%%{init: {"theme": "forest"}}%%\nflowchart LR\n  a --> b\n')).toBeUndefined();
  });

  it('is refused when the light SVG cannot be turned into exactly the dark one', () => {
    const light = '<svg id="L"><style>#L{fill:#fff}</style><g><rect fill="#fff"></rect><rect fill="#fff"></rect></g></svg>';
    const good =
      '<svg id="D"><style>#D{fill:#000}</style><g><rect fill="#000"></rect><rect fill="#000"></rect></g><linearGradient id="D-g"></linearGradient></svg>';
    const transplant = learnTransplant(light, 'L', good, 'D');
    expect(transplant?.apply(light.replaceAll('L', 'X'), 'X', 'Y')).toBe(good.replaceAll('D', 'Y'));
    // The same light token would have to become two different dark ones.
    const inconsistent = '<svg id="D"><style>#D{fill:#000}</style><g><rect fill="#000"></rect><rect fill="#111"></rect></g></svg>';
    expect(learnTransplant(light, 'L', inconsistent, 'D')).toBeUndefined();
    // The dark drawing lost a shape: not a theme difference.
    expect(learnTransplant(light, 'L', '<svg id="D"><style>#D{}</style><g></g></svg>', 'D')).toBeUndefined();
  });
});
