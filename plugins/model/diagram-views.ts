import type { ElementKind } from './kinds.ts';

/**
 * The views of `<Diagram view="..." of="..." />`, and what their `of` names. The diagrams
 * layer draws them; the check makes sure every use in MDX names a view and an element that exist.
 */
export const DIAGRAM_VIEWS = {
  context: { of: [] },
  container: { of: ['domain'], optional: true },
  component: { of: ['service'] },
  deployment: { of: ['deployment'] },
  'event-flow': { of: ['event'] },
  'domain-events': { of: ['domain'] },
  neighbourhood: { of: ['service', 'resource'] },
  'domain-map': { of: [] },
  entities: { of: ['service'], optional: true },
  flow: { of: ['flow'] },
} as const satisfies Record<string, { of: readonly ElementKind[]; optional?: boolean }>;

export type DiagramViewName = keyof typeof DIAGRAM_VIEWS;
