import { readFlowchart } from '../../../diagrams/read-flowchart.ts';
import { naturalSize } from '../natural-size.ts';
import { svgId, type RenderedDiagram } from '../svg-store.ts';
import { flowchartSvg, layOutFlowchart } from './flowchart-svg.ts';
import type { TextMetrics } from './text-metrics.ts';

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
  return {
    light: naturalSize(flowchartSvg(layout, svgId(text, 'light'), 'light')),
    dark: naturalSize(flowchartSvg(layout, svgId(text, 'dark'), 'dark')),
  };
}
