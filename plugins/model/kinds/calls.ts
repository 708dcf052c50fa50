import type { ElementRef } from '../model.ts';
import type { Lifecycle, Relationship } from '../schemas/common.ts';
import type { FieldPath } from '../yaml-position.ts';
import type { Resolver } from './define.ts';

/** What a call, a dependency or a use can point at. */
export const CALL_TARGETS = ['service', 'resource', 'system'] as const;

/**
 * Resolves a list of calls (`dependencies`, `uses`): each a reference, or a relationship with a
 * target, protocol and description. Adds each call to the model; gives the ones that resolved,
 * with where their target was written.
 */
/** A call as written: a person's or system's use, or a service's dependency (which may say where it stands). */
type CallEntry =
  | Relationship
  | {
      readonly target: string;
      readonly protocol?: string | undefined;
      readonly description?: string | undefined;
      readonly lifecycle?: Lifecycle | undefined;
    };

export function resolveUses(r: Resolver, list: readonly CallEntry[] | undefined, field = 'uses'): { to: ElementRef; path: FieldPath }[] {
  const resolved: { to: ElementRef; path: FieldPath }[] = [];
  list?.forEach((use, i) => {
    const rel = typeof use === 'string' ? { target: use } : use;
    const path = typeof use === 'string' ? [field, i] : [field, i, 'target'];
    const to = r.ref(field, path, rel.target);
    if (!to) return;
    const lifecycle = 'lifecycle' in rel && rel.lifecycle !== 'active' ? rel.lifecycle : undefined;
    r.relations.calls.push({ from: r.self, to, protocol: rel.protocol, description: rel.description, ...(lifecycle ? { lifecycle } : {}) });
    resolved.push({ to, path });
  });
  return resolved;
}
