import type { Theme } from '../svg-store.ts';

/**
 * The colours of a flowchart's lines and of the text drawn on the page (edge labels), in
 * each theme: mermaid's `default` and `dark` themes' own, with the darker edge-label
 * background archsite gives the dark theme (see svg-store.ts, `mermaidConfig`).
 */
const THEMES = {
  light: { text: '#333', line: '#333333', labelBackground: 'rgba(232,232,232, 0.8)', labelBox: 'rgba(232, 232, 232, 0.5)' },
  dark: { text: '#ccc', line: 'lightgrey', labelBackground: '#333333', labelBox: 'rgba(51, 51, 51, 0.5)' },
} as const;

/**
 * The style block of a flowchart drawn in Node: only the rules its own markup needs (a
 * mermaid SVG carries some 12 KB of rules for every shape and diagram type), scoped to the
 * SVG's id as mermaid scopes its own.
 */
export function flowchartStyle(svgId: string, theme: Theme, fontStack: string): string {
  const t = THEMES[theme];
  const s = `#${svgId}`;
  return [
    ...drawingRules(s, t.text, fontStack),
    `${s} span{color:${t.text};}`,
    `${s} .edge-pattern-dotted{stroke-dasharray:2;}`,
    `${s} .marker{fill:${t.line};stroke:${t.line};}`,
    `${s} .flowchart-link{stroke:${t.line};fill:none;}`,
    `${s} .edgeLabel{background-color:${t.labelBackground};text-align:center;}`,
    `${s} .edgeLabel p{background-color:${t.labelBackground};}`,
    `${s} .labelBkg{background-color:${t.labelBox};}`,
    `${s} .node .label{text-align:center;}`,
    `${s} .node.clickable{cursor:pointer;}`,
  ].join('');
}

/** The rules every diagram drawn in Node starts with: its font and text colour, its labels' paragraphs, its solid lines. */
export function drawingRules(s: string, text: string, fontStack: string): string[] {
  return [
    `${s}{font-family:${fontStack};font-size:16px;fill:${text};}`,
    `${s} p{margin:0;}`,
    `${s} .label{font-family:${fontStack};color:${text};}`,
    `${s} .edge-thickness-normal{stroke-width:1px;}`,
    `${s} .edge-pattern-solid{stroke-dasharray:0;}`,
  ];
}
