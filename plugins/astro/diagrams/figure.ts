import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { AstroError } from 'astro/errors';
import type { LegendItem } from '../../diagrams/index.ts';
import { RELATION_LABELS, type RelationKind } from '../../diagrams/relation-kinds.ts';
import { withBase } from '../../pages/urls.ts';
import type { DiagramMode } from '../../pages/site.ts';
import type { ModelState } from '../../model/model-states.ts';
import { mermaidClientSrc } from './mermaid-client.ts';
import { previewStyle } from './preview-style.ts';
import { diagramHash, type RenderedDiagram } from './svg-store.ts';

/** Where a figure's SVGs come from in this build (the site's diagrams, see pages/site.ts). */
export interface FigureContext {
  readonly mode: DiagramMode;
  readonly base: string;
  rendered(text: string): RenderedDiagram | undefined;
}

/**
 * A mermaid source longer than this is not put under its figure, where every reader of the
 * page would download it: it is published beside the site and linked.
 */
export const INLINE_SOURCE_LIMIT = 16 * 1024;

/** Where a diagram's source is published when it is too long to inline (see `INLINE_SOURCE_LIMIT`). */
export function sourceRoute(text: string): string {
  return `/_archsite/diagrams/${diagramHash(text).slice(0, 16)}.mmd`;
}

export interface FigureInput {
  /** The mermaid text. */
  readonly text: string;
  /** The caption; empty for none. */
  readonly title: string;
  readonly view?: string | undefined;
  readonly of?: string | undefined;
  /** The URL of the page the figure is on: its own box is where a preview of a large diagram starts. */
  readonly here?: string | undefined;
  /** What the view leaves out or draws in short (see DiagramView). */
  readonly notes?: readonly string[] | undefined;
  /** Edges that stand for several relations, and what each stands for. */
  readonly bundles?: readonly { from: string; to: string; items: readonly string[] }[] | undefined;
  /** What the diagram's colours and lines mean (see DiagramView). */
  readonly legend?: readonly LegendItem[] | undefined;
  /** The kinds of relation it draws: where more than one, a switch for each (see client/diagram-layers.ts). */
  readonly relations?: readonly RelationKind[] | undefined;
  /** Of those, the ones hidden until switched on. */
  readonly hidden?: readonly RelationKind[] | undefined;
  /** The same diagram drawn for a narrow column (see DiagramView): shown there, where it is the narrower. */
  readonly narrow?: string | undefined;
  /**
   * Where the view reads differently in the states of the architecture: the state this figure
   * shows, every state its set offers, and the one the set opens on (see view-figures.ts). A
   * figure of another state is hidden until its switch is pressed.
   */
  readonly state?: { readonly shown: ModelState; readonly offered: readonly ModelState[]; readonly opens: ModelState } | undefined;
}

/** The natural size of a rendered diagram, from its SVG's viewBox. */
export function svgSize(svg: string): { width: number; height: number } | undefined {
  const box = /<svg\b[^>]*\bviewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  return box ? { width: Math.ceil(Number(box[1])), height: Math.ceil(Number(box[2])) } : undefined;
}

/**
 * A diagram's figure, the same wherever it is shown (a page's view, `<Diagram>` in MDX, a
 * mermaid fence in Markdown): the static SVG in light and dark, fitted to the column; the
 * controls that open it larger (with pan and zoom) and export it, which its script reveals;
 * the caption; the mermaid source, inline or linked. Rendered SVGs are `raw` nodes:
 * `figureHtml` writes them as they are, `figureTree` parses them for a Markdown tree.
 */
export function diagramFigure(input: FigureInput, context: FigureContext): Element {
  const svgs = context.mode === 'client' ? undefined : context.rendered(input.text);
  // In a build, every diagram is rendered before the first page: one missing here is a fault
  // of the build (a diagram the pre-render did not know of), never drawn silently in the browser instead.
  if (context.mode === 'svg' && !svgs)
    throw new AstroError(
      `archsite: the diagram "${input.title || input.text.split('\n')[0]}" was not rendered before the pages`,
      'Every diagram a page shows must be known to the pre-render step (siteViews and the mermaid fences of the content). This is a bug in archsite; please report it with the content that shows it.',
    );
  const size = svgs ? svgSize(svgs.light) : undefined;
  const name = input.title || 'Diagram';
  const button = (action: string, label: string, text: string): ElementContent => ({
    type: 'element',
    tagName: 'button',
    properties: { type: 'button', dataAction: action, ariaLabel: label, title: label },
    children: [{ type: 'text', value: text }],
  });
  const tools: Element = {
    type: 'element',
    tagName: 'div',
    // Shown by the figure's script: without it, these buttons could do nothing.
    properties: { className: ['as-diagram-tools'], hidden: true },
    children: [
      button('open', `Open larger: ${name}, with pan and zoom`, 'Open larger'),
      button('svg', `Download ${name} as SVG`, 'SVG'),
      button('png', `Download ${name} as PNG`, 'PNG'),
      button('copy', `Copy source: the mermaid text of ${name}`, 'Copy source'),
      ...layerSwitches(input.relations ?? [], input.hidden ?? []),
      ...stateSwitch(input.state),
    ],
  };
  const narrow = svgs && size && input.narrow ? narrowVariant(input.narrow, size, context) : undefined;
  const canvas: Element = {
    type: 'element',
    tagName: 'div',
    properties: { className: ['as-diagram-canvas'] },
    children: svgs
      ? [...themed(svgs, narrow ? ['as-diagram-wide'] : []), ...(narrow ? themed(narrow.svgs, ['as-diagram-narrow'], narrow.size) : [])]
      : [
          {
            type: 'element',
            tagName: 'pre',
            // Where the reader's browser finds mermaid to draw it (see mermaid-client.ts).
            properties: { className: ['as-mermaid-client'], dataMermaid: mermaidClientSrc(context.base) },
            children: [{ type: 'text', value: input.text }],
          },
        ],
  };
  const source = sourceDetails(input.text, context.base);
  const notes = (input.notes ?? []).map((note) => el('p', [text(note)], { className: ['as-diagram-note'] }));
  const legend = legendList(input.legend ?? []);
  const bundles = bundleTable(input.bundles ?? []);
  const container = `as-d-${diagramHash(input.text).slice(0, 12)}`;
  const previewParts = size ? preview(container, size, narrow) : { style: [], note: [] };
  return {
    type: 'element',
    tagName: 'figure',
    properties: {
      className: ['as-diagram'],
      dataView: input.view,
      dataOf: input.of,
      dataState: input.state?.shown,
      hidden: input.state !== undefined && input.state.shown !== input.state.opens,
      dataHere: input.here,
      dataWidth: size?.width,
      dataHeight: size?.height,
      // Read by the stylesheet: a figure is never drawn wider than its natural size, and is the container its preview rule asks about.
      style: size ? `--as-diagram-width:${size.width}px;container:${container} / inline-size` : undefined,
      // Kinds of relation hidden until switched on (the script names each line's kind; without it, all are drawn).
      ...Object.fromEntries(
        (input.relations && input.relations.length > 1 ? (input.hidden ?? []) : []).map((kind) => [
          `dataHide${kind[0]!.toUpperCase()}${kind.slice(1)}`,
          '',
        ]),
      ),
      dataPagefindIgnore: '',
    },
    children: [
      tools,
      ...previewParts.style,
      canvas,
      ...previewParts.note,
      ...(input.title ? [el('figcaption', [text(captionOf(input))])] : []),
      ...legend,
      ...notes,
      ...bundles,
      source,
    ],
  };
}

/** The mermaid source under a figure: inline, or, when long, a link to it published beside the site. */
function sourceDetails(text: string, base: string): Element {
  const inline = text.length <= INLINE_SOURCE_LIMIT;
  return {
    type: 'element',
    tagName: 'details',
    properties: { className: ['as-diagram-source'] },
    children: [
      { type: 'element', tagName: 'summary', properties: {}, children: [{ type: 'text', value: 'Mermaid source' }] },
      inline
        ? {
            type: 'element',
            tagName: 'pre',
            properties: {},
            children: [{ type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: text }] }],
          }
        : {
            type: 'element',
            tagName: 'p',
            properties: {},
            children: [
              {
                type: 'element',
                tagName: 'a',
                properties: { href: withBase(sourceRoute(text), base), dataSource: '' },
                children: [{ type: 'text', value: `The source (${Math.round(text.length / 1024)} KB)` }],
              },
              { type: 'text', value: ' is published beside the page: it is too long to put here.' },
            ],
          },
    ],
  };
}

function el(tagName: string, children: ElementContent[], properties: Element['properties'] = {}): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

/** The legend: a swatch of each kind of box (its own colours) and line the diagram draws, with what it stands for. */
function legendList(items: readonly LegendItem[]): Element[] {
  if (items.length === 0) return [];
  const swatch = (item: LegendItem): Element =>
    el('span', [], {
      className: [item.kind === 'box' ? 'as-legend-box' : 'as-legend-line'],
      ariaHidden: 'true',
      style:
        item.kind === 'box'
          ? `background:${item.fill === 'none' ? 'transparent' : item.fill};border-color:${item.stroke}${item.dashed ? ';border-style:dashed' : ''}`
          : item.planned
            ? // Long dashes, as the diagram draws a planned relation (8 on, 4 off).
              'border-top:0;height:2px;background:repeating-linear-gradient(90deg,var(--sl-color-gray-2) 0 8px,transparent 8px 12px)'
            : item.dashed
              ? 'border-top-style:dashed'
              : undefined,
    });
  return [
    el(
      'ul',
      items.map((item) => el('li', [swatch(item), text(item.label)])),
      { className: ['as-diagram-legend'], ariaLabel: 'Legend' },
    ),
  ];
}

/** The table of what each edge with a count stands for. */
function bundleTable(bundles: readonly { from: string; to: string; items: readonly string[] }[]): Element[] {
  if (bundles.length === 0) return [];
  return [
    el(
      'details',
      [
        el('summary', [text(`What the ${bundles.length === 1 ? 'edge' : `${bundles.length} edges`} with a count stand for`)]),
        el('table', [
          el('thead', [el('tr', [el('th', [text('From')]), el('th', [text('To')]), el('th', [text('Relations')])])]),
          el(
            'tbody',
            bundles.map((b) => el('tr', [el('td', [text(b.from)]), el('td', [text(b.to)]), el('td', [text(b.items.join(', '))])])),
          ),
        ]),
      ],
      { className: ['as-diagram-bundles'] },
    ),
  ];
}

/**
 * A diagram too large to read fitted is a scrolling preview, decided by the stylesheet before
 * any script runs (see preview-style.ts): its rule, before the canvas, and the note said under
 * it. Where the figure has a narrow variant, the stylesheet shows it instead in a column too
 * narrow for the first, and the preview rule is the narrow one's.
 */
function preview(
  container: string,
  size: { width: number; height: number },
  narrow: NarrowVariant | undefined,
): { style: Element[]; note: Element[] } {
  const shown = narrow?.size ?? size;
  const rules = [narrow ? narrowStyle(container, size) : undefined, previewStyle(container, shown)].filter((r) => r !== undefined);
  return {
    style: rules.length > 0 ? [el('style', [text(rules.join(''))])] : [],
    note: [
      el('p', [text(`A part of a large diagram (${shown.width} × ${shown.height}): scroll it, or open it larger to see it whole.`)], {
        className: ['as-diagram-more'],
      }),
    ],
  };
}

interface NarrowVariant {
  readonly svgs: RenderedDiagram;
  readonly size: { width: number; height: number };
}

/**
 * The variant of a diagram for a narrow column, where it gains: at most three quarters as
 * wide as the diagram itself (else the first one, fitted, reads as well).
 */
function narrowVariant(textOf: string, wide: { width: number }, context: FigureContext): NarrowVariant | undefined {
  const svgs = context.rendered(textOf);
  const size = svgs ? svgSize(svgs.light) : undefined;
  return svgs && size && size.width <= wide.width * NARROW_GAIN ? { svgs, size } : undefined;
}

/** How much narrower a variant must be to be drawn, and the share of its own width below which a diagram gives way to it. */
const NARROW_GAIN = 0.75;

/** Shows the narrow variant instead in a column under three quarters of the diagram's width, where it would be drawn shrunk. */
function narrowStyle(container: string, wide: { width: number }): string {
  return (
    `@container ${container} (max-width: ${Math.floor(wide.width * NARROW_GAIN) - 0.5}px) {` +
    '.as-diagram-canvas>div.as-diagram-wide{display:none}.as-diagram-canvas>div.as-diagram-narrow{display:block}}'
  );
}

/** A diagram's two SVGs, light and dark, each in its box; `size` names a variant's own natural width. */
function themed(svgs: RenderedDiagram, classes: string[], size?: { width: number }): Element[] {
  const style = size ? `--as-diagram-width:${size.width}px` : undefined;
  return (['light', 'dark'] as const).map((theme) =>
    el('div', [raw(svgs[theme])], { className: [`as-diagram-${theme}`, ...classes], ...(style ? { style } : {}) }),
  );
}

/** A switch for each kind of relation a diagram draws, where it draws more than one: shown with the other tools by the figure's script. */
function layerSwitches(kinds: readonly RelationKind[], hidden: readonly RelationKind[]): ElementContent[] {
  if (kinds.length < 2) return [];
  return [
    {
      type: 'element',
      tagName: 'span',
      properties: { className: ['as-diagram-layers'], role: 'group', ariaLabel: 'Relations shown' },
      children: kinds.map((kind) => ({
        type: 'element',
        tagName: 'button',
        properties: {
          type: 'button',
          dataAction: 'layer',
          dataKind: kind,
          ariaPressed: hidden.includes(kind) ? 'false' : 'true',
          title: `Show or hide the ${RELATION_LABELS[kind].toLowerCase()}`,
        },
        children: [{ type: 'text', value: RELATION_LABELS[kind] }],
      })),
    },
  ];
}

/** What each state of the architecture is called on its switch and in the caption of its figure. */
const STATE_NAMES: Readonly<Record<ModelState, { readonly button: string; readonly caption: string }>> = {
  current: { button: 'Current', caption: 'current state' },
  target: { button: 'Target', caption: 'target state' },
  both: { button: 'Both', caption: 'current and target state' },
};

/** The caption: the title, and the state shown where it is not the current one. */
function captionOf(input: FigureInput): string {
  return input.state && input.state.shown !== 'current' ? `${input.title} (${STATE_NAMES[input.state.shown].caption})` : input.title;
}

/** The switch between the states of the architecture the view reads differently in: the one shown pressed. */
function stateSwitch(state: FigureInput['state']): ElementContent[] {
  if (state === undefined || state.offered.length < 2) return [];
  return [
    el(
      'span',
      state.offered.map((offered) =>
        el('button', [text(STATE_NAMES[offered].button)], {
          type: 'button',
          dataAction: 'state',
          dataState: offered,
          ariaPressed: String(offered === state.shown),
          title: `Show the ${STATE_NAMES[offered].caption} of the architecture`,
        }),
      ),
      { className: ['as-diagram-state'], role: 'group', ariaLabel: 'State of the architecture shown' },
    ),
  ];
}

/** Markup written as it is: hast's `raw` node, which `hast` does not count as element content. */
function raw(value: string): ElementContent {
  return { type: 'raw', value } as unknown as ElementContent;
}

/** The figure as HTML, for a component. */
export function figureHtml(input: FigureInput, context: FigureContext): string {
  return toHtml(diagramFigure(input, context), { allowDangerousHtml: true });
}

/** The figure as a tree with its SVGs parsed, for a Markdown document's tree. */
export function figureTree(input: FigureInput, context: FigureContext): Element {
  const figure = diagramFigure(input, context);
  const parse = (node: ElementContent): ElementContent[] => {
    if ((node as { type: string }).type === 'raw')
      return fromHtml((node as unknown as { value: string }).value, { fragment: true }).children as ElementContent[];
    if (node.type === 'element') node.children = node.children.flatMap(parse);
    return [node];
  };
  figure.children = figure.children.flatMap(parse);
  return figure;
}
