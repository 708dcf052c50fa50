import { readEntityChart } from '../../../diagrams/read-entities.ts';
import { readFlowchart } from '../../../diagrams/read-flowchart.ts';
import { naturalSize } from '../natural-size.ts';
import { svgId, type RenderedDiagram, type Theme } from '../svg-store.ts';
import { DAGRE, mayDrawInNode } from './drawable.ts';
import { entityDiagramSvg, layOutEntities } from './entity-svg.ts';
import { flowchartSvg, layOutFlowchart } from './flowchart-svg.ts';
import { TextMetrics } from './text-metrics.ts';

/**
 * A diagram drawn in Node, in both themes, where it is one of the small flowcharts or entity
 * diagrams archsite writes (read back from its text, see diagrams/read-flowchart.ts and
 * read-entities.ts) and its labels are in the bundled font's characters; undefined for any
 * other, which mermaid draws. Thousands of these (an event's flow, a neighbourhood, a
 * service's entities) take milliseconds each here, against tens of milliseconds in a browser.
 */
export function drawInNode(text: string, metrics: TextMetrics): RenderedDiagram | undefined {
  if (DAGRE.test(text) && text.includes('\nerDiagram\n')) {
    const entities = readEntityChart(text);
    const laid = entities && layOutEntities(entities, metrics);
    return laid && inBothThemes(text, (id, theme) => entityDiagramSvg(laid, id, theme));
  }
  const chart = readFlowchart(text);
  const laid = chart && layOutFlowchart(chart, metrics);
  return laid && inBothThemes(text, (id, theme) => flowchartSvg(laid, id, theme));
}

/** A diagram's SVG in each theme, under the id the store gives it there, at its natural size. */
function inBothThemes(text: string, draw: (svgId: string, theme: Theme) => string): RenderedDiagram {
  return {
    light: naturalSize(draw(svgId(text, 'light'), 'light')),
    dark: naturalSize(draw(svgId(text, 'dark'), 'dark')),
  };
}

/**
 * Draws, one text at a time, what Node may draw (see drawable.ts), measuring with one set of
 * metrics: undefined for any other text, and for one Node cannot draw after all.
 */
export function nodeDrawer(): (text: string) => RenderedDiagram | undefined {
  const metrics = new TextMetrics();
  return (text) => (mayDrawInNode(text) ? drawInNode(text, metrics) : undefined);
}
