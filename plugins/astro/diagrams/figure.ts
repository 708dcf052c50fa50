import { cachedDiagram, type RenderedDiagram } from './svg-store.ts';

/** How the site draws diagrams in this build: static SVG, or mermaid in the reader's browser. */
export function diagramMode(): 'svg' | 'client' {
  return process.env.ARCHSITE_DIAGRAMS === 'client' ? 'client' : 'svg';
}

/** The rendered SVGs of a diagram, when this build renders diagrams and has them. */
export function renderedDiagram(text: string): RenderedDiagram | undefined {
  return diagramMode() === 'svg' ? cachedDiagram(text) : undefined;
}
