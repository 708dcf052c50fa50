import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mermaidScript, PATCHES, patchMermaid, stockMermaidScript } from '../../plugins/astro/diagrams/mermaid-script.ts';
import { mermaidFences } from '../../plugins/astro/diagrams/prerender.ts';
import { mermaidPage, pageDiagram, renderInPage, stableCounters } from '../../plugins/astro/diagrams/render.ts';
import { mermaidConfig, type Theme } from '../../plugins/astro/diagrams/svg-store.ts';
import { siteViews, viewOptions } from '../../plugins/diagrams/index.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { launch } from '../helpers/browser.ts';

const { model } = await loadModel({ contentDir: path.resolve(import.meta.dirname, '../../content') });

/** Diagram types archsite does not generate but a Markdown fence may hold. */
const OTHER_TYPES = [
  'sequenceDiagram\n  autonumber\n  Alice->>+Bob: Hello <b>Bob</b>\n  Note over Alice,Bob: a note\n  loop Every minute\n    Bob-->>-Alice: Hi\n  end\n',
  'classDiagram\n  class Order {\n    +String id\n    +place() bool\n  }\n  Order "1" --> "*" Line : has\n  <<interface>> Line\n',
  'stateDiagram-v2\n  [*] --> Placed\n  Placed --> Paid : pay\n  state Paid {\n    [*] --> Shipping\n  }\n  Paid --> [*]\n',
  'gantt\n  dateFormat YYYY-MM-DD\n  todayMarker off\n  title Rollout\n  section Build\n  Design :a1, 2026-01-01, 10d\n  Build :after a1, 20d\n',
  'pie showData\n  title Traffic\n  "web" : 60\n  "mobile" : 40\n',
  'mindmap\n  root((shop))\n    Orders\n      Checkout\n    Catalog\n',
  'timeline\n  title History\n  2024 : Monolith\n  2025 : Services : Events\n',
  'gitGraph\n  commit\n  branch feature\n  commit\n  checkout main\n  merge feature\n',
  'journey\n  title Checkout\n  section Cart\n    Add item: 5: Shopper\n    Pay: 3: Shopper, Bank\n',
  'erDiagram\n  ORDER ||--o{ LINE : contains\n  ORDER {\n    string id PK\n  }\n',
  'quadrantChart\n  title Services\n  x-axis Low --> High\n  y-axis Cold --> Hot\n  Orders: [0.3, 0.6]\n',
  'xychart-beta\n  title Latency\n  x-axis [a, b, c]\n  y-axis "ms" 0 --> 100\n  bar [10, 50, 90]\n  line [20, 40, 80]\n',
  'sankey-beta\n\nweb,orders,10\norders,payments,8\n',
  'block-beta\n  columns 2\n  a["Orders"] b["Payments"]\n  a --> b\n',
  'requirementDiagram\n  requirement r1 {\n    id: 1\n    text: fast\n    risk: low\n    verifymethod: test\n  }\n  element e1 {\n    type: service\n  }\n  e1 - satisfies -> r1\n',
  'C4Context\n  title Shop\n  Person(a, "Shopper")\n  System(s, "Shop")\n  Rel(a, s, "Uses")\n',
  'flowchart TD\n  %%{init: {"flowchart": {"curve": "step"}, "theme": "forest"}}%%\n  a[<i>A</i>] -->|"x &lt; y"| b{B}\n  b --> c((C))\n  click a "https://example.com" "tip"\n',
  '---\ntitle: Handdrawn\nconfig:\n  look: handDrawn\n  theme: neutral\n---\nflowchart LR\n  a --> b --> c\n  subgraph g [Group]\n    b\n  end\n',
];

/** Renders the texts as a build does, in a page that loaded one mermaid bundle or the other. */
async function renderAll(page: Page, texts: readonly string[], theme: Theme): Promise<string[]> {
  const outcomes = await page.evaluate(renderInPage, { diagrams: texts.map(pageDiagram), config: mermaidConfig(theme), prefix: 'd' });
  return outcomes.map((outcome) => ('svg' in outcome ? outcome.svg : `error: ${outcome.error}`));
}

describe('the mermaid bundle diagrams render with', () => {
  const pages: Page[] = [];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const browser = await launch();
    close = () => browser.close();
    for (const source of [stockMermaidScript(), mermaidScript().source]) pages.push(await mermaidPage(await browser.newPage(), source));
  }, 60_000);
  afterAll(() => close?.());

  it('is the installed mermaid with its getConfig made lazy and its sanitizer remembering', () => {
    const { source, patched } = mermaidScript();
    expect(patched).toBe(true);
    expect(source).toContain('__archsite_c');
    expect(source).toContain('__archsite_p.sanitize=function');
    expect(source.length - stockMermaidScript().length).toBeLessThan(3000);
    // Each patch alone, the other's place left as it was.
    expect(patchMermaid(stockMermaidScript().replace('"createDOMPurify"', '"createPurifier"'))).not.toContain('__archsite_p');
    expect(patchMermaid(stockMermaidScript().replace('"getConfig")', '"getTheConfig")'))).toContain('__archsite_p.sanitize=function');
  });

  it("sanitizes as the published bundle's DOMPurify does, call after call, hooks and configurations included", async () => {
    const answers = await Promise.all(
      pages.map((page) =>
        page.evaluate(async () => {
          const mermaid = (globalThis as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
          // A label with markup DOMPurify removes, drawn twice: the second time its answer is remembered.
          const label = 'a["<b>x</b><img src=x onerror=alert(1)><script>alert(2)</script><a href=javascript:alert(3) target=_blank>y</a>"]';
          const first = await mermaid.render('s1', `flowchart LR\n  ${label}`);
          const again = await mermaid.render('s1', `flowchart LR\n  ${label}`);
          return [first.svg, again.svg];
        }),
      ),
    );
    const [stock, patched] = answers;
    expect(patched).toEqual(stock);
    expect(stock![0]).not.toMatch(/onerror|<script|javascript:/);
    expect(stock![1]).toBe(stock![0]);
  });

  it('draws every diagram byte for byte as the published bundle does, in both themes', async () => {
    const texts = [...siteViews(model!, viewOptions('/')).map((v) => v.text), ...mermaidFences(model!).map((f) => f.text), ...OTHER_TYPES];
    for (const theme of ['light', 'dark'] as const) {
      const [stock, patched] = await Promise.all(pages.map((page) => renderAll(page, texts, theme)));
      expect(stock!.filter((svg) => svg.startsWith('error:'))).toEqual([]);
      expect(stock!.every((svg) => svg.startsWith('<svg'))).toBe(true);
      for (const [i, svg] of patched!.entries()) expect(svg, texts[i]).toBe(stock![i]);
    }
  }, 240_000);

  it('draws diagrams that use random ids the same every time, wherever they fall in a batch', async () => {
    const gitGraph = OTHER_TYPES.find((text) => text.startsWith('gitGraph'))!;
    const [alone] = await renderAll(pages[1]!, [gitGraph], 'light');
    const [, after] = await renderAll(pages[1]!, [OTHER_TYPES[0]!, gitGraph], 'light');
    expect(alone).toMatch(/class="commit 0-[0-9a-f]{7} /);
    expect(after!.replaceAll('d-1', 'd-0')).toBe(alone);
  });

  it("numbers a sequence diagram's actors the same wherever it falls in a batch, once archsite renumbers them", async () => {
    const actors = 'sequenceDiagram\n  actor Shopper\n  participant Shop\n  actor Clerk\n  Shopper->>Shop: order\n  Shop->>Clerk: pick\n';
    const [alone] = await renderAll(pages[1]!, [actors], 'light');
    const [, after] = await renderAll(pages[1]!, [OTHER_TYPES[0]!, actors, actors], 'light');
    // mermaid's own numbers run on from diagram to diagram…
    expect(alone).toMatch(/id="actor-man-torso\d+"/);
    expect(after!.replaceAll('d-1', 'd-0')).not.toBe(alone);
    // …archsite's start afresh in each.
    expect(stableCounters(after!.replaceAll('d-1', 'd-0'))).toBe(stableCounters(alone!));
  });

  it("hands out the same configuration as the published bundle's, which callers may change without changing the next one", async () => {
    const snapshots = await Promise.all(
      pages.map((page) =>
        page.evaluate(async (config) => {
          const mermaid = (
            globalThis as unknown as {
              mermaid: {
                initialize(c: object): void;
                render(id: string, text: string): Promise<unknown>;
                mermaidAPI: { getConfig(): Record<string, unknown> };
              };
            }
          ).mermaid;
          mermaid.initialize({ startOnLoad: false, ...config, themeVariables: { primaryColor: '#123456' } });
          await mermaid.render('c1', '%%{init: {"flowchart": {"nodeSpacing": 7}}}%%\nflowchart LR\n  a --> b\n');
          const first = mermaid.mermaidAPI.getConfig();
          const flowchart = first.flowchart as Record<string, unknown>;
          flowchart.nodeSpacing = 999;
          first.fontSize = 99;
          first.themeVariables = { replaced: true };
          (mermaid.mermaidAPI.getConfig().gantt as Record<string, unknown>).barHeight = -1;
          (mermaid.mermaidAPI.getConfig().xyChart as Record<string, Record<string, unknown>>).xAxis!.labelFontSize = -2;
          const second = mermaid.mermaidAPI.getConfig();
          return {
            first: JSON.stringify(first),
            second: JSON.stringify(second),
            keys: Object.keys(second),
            spread: JSON.stringify({ ...second }),
          };
        }, mermaidConfig('light')),
      ),
    );
    const [stock, patched] = snapshots;
    expect(patched).toEqual(stock);
    expect(JSON.parse(stock!.second).flowchart.nodeSpacing).not.toBe(999);
    expect(JSON.parse(stock!.second).gantt.barHeight).not.toBe(-1);
    expect(JSON.parse(stock!.second).xyChart.xAxis.labelFontSize).toBeGreaterThan(0);
  });
});

describe('patching mermaid', () => {
  const createPurify = 'i(Lor,"createDOMPurify");oy=Lor()';

  it('wraps the one DOMPurify the bundle makes, and nothing else', () => {
    const patched = PATCHES.rememberedSanitize(`x;${createPurify};y`);
    expect(patched).toMatch(/^x;i\(Lor,"createDOMPurify"\);oy=\(\(__archsite_p\)=>\{.*\}\)\(Lor\(\)\);y$/);
    expect(PATCHES.rememberedSanitize(`${createPurify};${createPurify}`)).toBeUndefined();
    expect(PATCHES.rememberedSanitize('i(Lor,"createDOMPurify");oy=Other()')).toBeUndefined();
  });

  it('remembers only strings of plain configurations, and forgets when hooks change', () => {
    const patched = PATCHES.rememberedSanitize(createPurify)!;
    let calls = 0;
    const fake = {
      sanitize: (text: string) => `${text}#${++calls}`,
      addHook: () => undefined,
    };
    const purify = new Function('i', 'Lor', `let oy;${patched};return oy;`)(
      () => undefined,
      () => fake,
    ) as typeof fake & { sanitize(text: unknown, config?: unknown): unknown };
    expect(purify.sanitize('<b>a</b>')).toBe('<b>a</b>#1');
    expect(purify.sanitize('<b>a</b>')).toBe('<b>a</b>#1');
    expect(purify.sanitize('<b>a</b>', { FORBID_TAGS: ['style'] })).toBe('<b>a</b>#2');
    expect(purify.sanitize('<b>a</b>', { FORBID_TAGS: ['style'] })).toBe('<b>a</b>#2');
    // A configuration holding a function or a pattern is not compared: sanitized every time.
    expect(purify.sanitize('<b>a</b>', { CUSTOM_ELEMENT_HANDLING: { tagNameCheck: /^x-/ } })).toBe('<b>a</b>#3');
    expect(purify.sanitize('<b>a</b>', { CUSTOM_ELEMENT_HANDLING: { tagNameCheck: /^x-/ } })).toBe('<b>a</b>#4');
    // A long text (a whole SVG) is not kept.
    const long = 'x'.repeat(5000);
    purify.sanitize(long);
    expect(purify.sanitize(long)).toBe(`${long}#6`);
    purify.addHook();
    expect(purify.sanitize('<b>a</b>')).toBe('<b>a</b>#7');
  });

  const getConfig = 'Cbe=i(r=>(gz(Uee,[r]),ri()),"setConfig"),ri=i(()=>Bh({},Uee),"getConfig")';
  const getSiteConfig = 'RHe=i(()=>Bh({},wb),"getSiteConfig"),';

  it('replaces the one getConfig of the known shape', () => {
    const patched = PATCHES.lazyConfig(`x;${getSiteConfig}${getConfig};y`);
    expect(patched).toMatch(/^x;RHe=i\(\(\)=>Bh\(\{\},wb\),"getSiteConfig"\),Cbe=.*,ri=i\(\(\)=>\{const __archsite_c=\{\};.*Uee.*Bh\(/);
    expect(patched).toMatch(/,"getConfig"\);y$/);
  });

  it('leaves a bundle of another shape alone', () => {
    expect(PATCHES.lazyConfig('ri=i(()=>clone(Uee),"getConfig")')).toBeUndefined();
    expect(PATCHES.lazyConfig(`${getSiteConfig}${getConfig};${getConfig}`)).toBeUndefined();
    // The copying function must be the one getSiteConfig uses.
    expect(PATCHES.lazyConfig(`RHe=i(()=>Xy({},wb),"getSiteConfig"),${getConfig}`)).toBeUndefined();
  });
});
