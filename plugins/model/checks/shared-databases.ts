import type { Check } from './context.ts';

/** A database stored in by several services is a warning unless marked `shared: true`. */
export const checkSharedDatabases: Check = ({ model, occurrences, diagnostics }) => {
  const users = new Map<string, Set<string>>();
  for (const o of occurrences.stores) users.set(o.target.id, (users.get(o.target.id) ?? new Set()).add(o.owner.id));
  for (const o of occurrences.stores) {
    const resource = model.byKind.resource.get(o.target.id);
    if (!resource || resource.data.shared || model.relations.categories.get(resource.id) !== 'database') continue;
    const others = [...users.get(o.target.id)!].filter((s) => s !== o.owner.id).sort();
    if (others.length === 0) continue;
    diagnostics.report(
      'shared-database',
      o.file,
      o.at,
      `database '${resource.id}' is also used by ${others.map((s) => `service '${s}'`).join(', ')}; mark it 'shared: true' if that is deliberate`,
    );
  }
};
