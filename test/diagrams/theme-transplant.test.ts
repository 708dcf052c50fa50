import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mermaidFences } from '../../plugins/astro/diagrams/prerender.ts';
import { SvgStore } from '../../plugins/astro/diagrams/svg-store.ts';
import { renderDiagrams } from '../../plugins/astro/diagrams/render.ts';
import { mayDrawInNode } from '../../plugins/astro/diagrams/drawn/drawable.ts';
import { learnTransplant, themeSignature } from '../../plugins/astro/diagrams/theme-transplant.ts';
import { siteViews, viewOptions } from '../../plugins/diagrams/index.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { generateArchitecture } from '../../bench/generate.ts';
import { CHROMIUM } from '../helpers/browser.ts';

const { model } = await loadModel({ contentDir: path.resolve(import.meta.dirname, '../../content') });
// And a synthetic architecture: many diagrams of one kind, whose shapes differ in size from the one a transplant is learnt from.
const { model: synthetic } = await loadModel({
  contentDir: generateArchitecture(mkdtempSync(path.join(os.tmpdir(), 'archsite-synthetic-')), 24),
});
const texts = [
  ...siteViews(model!, viewOptions('/')).map((v) => v.text),
  ...mermaidFences(model!).map((f) => f.text),
  ...siteViews(synthetic!, viewOptions('/')).map((v) => v.text),
];

async function renderInto(transplant: boolean): Promise<{ dir: string; transplanted: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'archsite-transplant-'));
  const report = await renderDiagrams(texts, CHROMIUM, new SvgStore(dir), { transplant });
  expect(report.errors.size).toBe(0);
  return { dir, transplanted: report.transplanted };
}

describe('dark diagrams derived from light ones', () => {
  it('are byte for byte the SVGs mermaid renders in the dark theme, for every diagram of the bundled example and of a synthetic architecture', async () => {
    const derived = await renderInto(true);
    const rendered = await renderInto(false);
    expect(rendered.transplanted).toBe(0);
    // Of the diagrams mermaid draws (Node draws the small flowcharts and entity diagrams in both
    // themes), every one that shares its signature with another has its dark SVG derived: one a signature is rendered twice.
    const inBrowser = [...new Set(texts.filter((t) => !mayDrawInNode(t)))];
    expect(inBrowser.length).toBeGreaterThan(30);
    const signed = inBrowser.map(themeSignature).filter((s) => s !== undefined);
    const derivable = signed.length - new Set(signed).size;
    expect(derivable).toBeGreaterThan(10);
    expect(derived.transplanted).toBe(derivable);
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
    const light = '<svg id="lt"><style>#lt{fill:#fff}</style><g><rect fill="#fff"></rect><rect fill="#fff"></rect></g></svg>';
    const good =
      '<svg id="dk"><style>#dk{fill:#000}</style><g><rect fill="#000"></rect><rect fill="#000"></rect></g><linearGradient id="dk-g"></linearGradient></svg>';
    const transplant = learnTransplant(light, 'lt', good, 'dk');
    expect(transplant?.apply(light.replaceAll('lt', 'xx'), 'xx', 'yy')).toBe(good.replaceAll('dk', 'yy'));
    // The same light token would have to become two different dark ones.
    const inconsistent = '<svg id="dk"><style>#dk{fill:#000}</style><g><rect fill="#000"></rect><rect fill="#111"></rect></g></svg>';
    expect(learnTransplant(light, 'lt', inconsistent, 'dk')).toBeUndefined();
    // The dark drawing lost a shape: not a theme difference.
    expect(learnTransplant(light, 'lt', '<svg id="dk"><style>#dk{}</style><g></g></svg>', 'dk')).toBeUndefined();
  });

  it('maps the colours drawn on shapes of any size, and refuses a colour it never saw', () => {
    const light =
      '<svg id="lt"><style>#lt{}</style><path d="M0 0 L9 9" fill="#eef" stroke="#93d"></path><path d="M1" fill="none"></path></svg>';
    const dark =
      '<svg id="dk"><style>#dk{}</style><path d="M0 0 L9 9" fill="#122" stroke="#ccc"></path><path d="M1" fill="none"></path></svg>';
    const transplant = learnTransplant(light, 'lt', dark, 'dk')!;
    expect(transplant).toBeDefined();
    // Another diagram: other shapes, other coordinates, the same colours.
    expect(
      transplant.apply(
        '<svg id="xx"><style>#xx{}</style><path d="M5 5" fill="#eef"></path><path d="M7" fill="none" stroke="#93d"></path></svg>',
        'xx',
        'yy',
      ),
    ).toBe('<svg id="yy"><style>#yy{}</style><path d="M5 5" fill="#122"></path><path d="M7" fill="none" stroke="#ccc"></path></svg>');
    // A fill the learnt diagram never showed: its dark colour is unknown.
    expect(transplant.apply('<svg id="xx"><style>#xx{}</style><path d="M5" fill="#abc"></path></svg>', 'xx', 'yy')).toBeUndefined();
    // Text that looks like an attribute is text.
    expect(transplant.apply('<svg id="xx"><style>#xx{}</style><text x="1">fill="#eef"</text></svg>', 'xx', 'yy')).toBe(
      '<svg id="yy"><style>#yy{}</style><text x="1">fill="#eef"</text></svg>',
    );
  });
});
