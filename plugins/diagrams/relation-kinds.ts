/**
 * The kinds of relation a diagram's lines draw, and the one rule that tells them apart: the
 * build uses it to offer a switch per kind (see flowchart.ts), the reader's browser to name
 * each drawn line (see astro/client/diagram-layers.ts). No imports: both sides load it.
 */
export type RelationKind = 'call' | 'event' | 'data' | 'traffic';

/** In the order switches and legends list them. */
export const RELATION_KINDS: readonly RelationKind[] = ['call', 'event', 'data', 'traffic'];

export const RELATION_LABELS: Readonly<Record<RelationKind, string>> = { call: 'Calls', event: 'Events', data: 'Data', traffic: 'Traffic' };

/** Box styles that hold data: a line that touches one (and is no event) reads or writes data. */
const DATA_STYLES: readonly string[] = ['database', 'queue'];

/** The kind of a line: dotted is an event; from a deployment node, traffic; to or from a store, data; else a call. */
export function relationKind(dotted: boolean, fromStyle: string | undefined, toStyle: string | undefined): RelationKind {
  if (dotted) return 'event';
  if (fromStyle === 'deployment-node') return 'traffic';
  if (DATA_STYLES.includes(fromStyle ?? '') || DATA_STYLES.includes(toStyle ?? '')) return 'data';
  return 'call';
}
