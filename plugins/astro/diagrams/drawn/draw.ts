import { readFlowchart } from '../../../diagrams/read-flowchart.ts';
import { svgId, type RenderedDiagram } from '../svg-store.ts';
import { flowchartSvg, layOutFlowchart } from './flowchart-svg.ts';
import type { TextMetrics } from './text-metrics.ts';

/** Wider than this, a diagram fitted to the page column would be too small to read (as render.ts sizes mermaid's). */
const MAX_FITTED_WIDTH = 1100;

/**
 * Whether a diagram is one Node may draw, from its first lines alone: a flowchart that
 * archsite wrote for dagre to lay out, without groups. (`drawInNode` decides.)
 */
export function mayDrawInNode(text: string): boolean {
  return /^---\nconfig:\n {2}layout: dagre\n---\nflowchart (?:LR|TB)\n/.test(text) && !text.includes('\n  subgraph ');
}

/**
 * A diagram drawn in Node, in both themes, where it is one of the small flowcharts archsite
 * writes (read back from its text, see diagrams/read-flowchart.ts) and its labels are in the
 * bundled font's characters; undefined for any other, which mermaid draws. Thousands of
 * these (an event's flow, a neighbourhood) take milliseconds each here, against tens of
 * milliseconds each in a browser.
 */
export function drawInNode(text: string, metrics: TextMetrics): RenderedDiagram | undefined {
  const chart = readFlowchart(text);
  const layout = chart && layOutFlowchart(chart, metrics);
  if (!layout) return undefined;
  const sized = (svg: string) => {
    const width = layout.box.width + 16;
    return width > MAX_FITTED_WIDTH ? svg.replace(/^<svg([^>]*?) width="100%"/, `<svg$1 width="${Math.ceil(width)}"`) : svg;
  };
  return {
    light: sized(flowchartSvg(layout, svgId(text, 'light'), 'light')),
    dark: sized(flowchartSvg(layout, svgId(text, 'dark'), 'dark')),
  };
}
