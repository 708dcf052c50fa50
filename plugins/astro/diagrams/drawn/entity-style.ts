import type { Theme } from '../svg-store.ts';
import { drawingRules } from './flowchart-style.ts';

/**
 * The colours of an entity diagram's lines, text and relation labels in each theme:
 * mermaid's `default` and `dark` themes' own for entity diagrams, with the darker
 * edge-label background archsite gives the dark theme (see svg-store.ts, `mermaidConfig`).
 */
const THEMES = {
  light: {
    text: '#333',
    line: '#333333',
    labelBackground: 'rgba(232,232,232, 0.8)',
    labelBox: 'rgba(248.6666666666, 255, 235.9999999999, 0.5)',
    labelText: '#9370DB',
  },
  dark: {
    text: '#ccc',
    line: 'lightgrey',
    labelBackground: '#333333',
    labelBox: 'rgba(32.0000000001, 31.3333333334, 31.0000000001, 0.5)',
    labelText: '#ccc',
  },
} as const;

/** The fill of a cardinality marker's circle: the theme's background for boxes. */
export const MARKER_FILL = { light: '#ECECFF', dark: '#1f2020' } as const;

/**
 * The style block of an entity diagram drawn in Node: only the rules its own markup needs,
 * scoped to the SVG's id as mermaid scopes its own (see flowchart-style.ts).
 */
export function entityStyle(svgId: string, theme: Theme, fontStack: string): string {
  const t = THEMES[theme];
  const s = `#${svgId}`;
  return [
    ...drawingRules(s, t.text, fontStack),
    `${s} .relationshipLine{stroke:${t.line};stroke-width:1;fill:none;}`,
    `${s} .marker{fill:none!important;stroke:${t.line}!important;stroke-width:1;}`,
    `${s} .labelBkg{background-color:${t.labelBox};}`,
    `${s} .edgeLabel{background-color:${t.labelBackground};}`,
    `${s} .edgeLabel .label{fill:${t.labelText};font-size:14px;}`,
    `${s} [data-look="neo"].node rect{filter:drop-shadow(1px 2px 2px rgba(185, 185, 185, 1));}`,
  ].join('');
}
