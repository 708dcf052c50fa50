import type { ElementRef } from '../model.ts';
import type { Relationship } from '../schemas/common.ts';
import type { FieldPath } from '../yaml-position.ts';
import type { Resolver } from './define.ts';

/** What a call, a dependency or a use can point at. */
export const CALL_TARGETS = ['service', 'resource', 'system'] as const;

/**
 * Resolves a list of calls (`dependencies`, `uses`): each a reference, or a relationship with a
 * target, protocol and description. Adds each call to the model; gives the ones that resolved,
 * with where their target was written.
 */
export function resolveUses(r: Resolver, list: readonly Relationship[] | undefined, field = 'uses'): { to: ElementRef; path: FieldPath }[] {
  const resolved: { to: ElementRef; path: FieldPath }[] = [];
  list?.forEach((use, i) => {
    const rel = typeof use === 'string' ? { target: use } : use;
    const path = typeof use === 'string' ? [field, i] : [field, i, 'target'];
    const to = r.ref(field, path, rel.target);
    if (!to) return;
    r.relations.calls.push({ from: r.self, to, protocol: rel.protocol, description: rel.description });
    resolved.push({ to, path });
  });
  return resolved;
}
