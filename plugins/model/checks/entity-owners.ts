import type { Check } from './context.ts';

/** Data has one owner: an entity listed by several services is an error at each listing. */
export const checkEntityOwners: Check = ({ occurrences, diagnostics }) => {
  const owners = new Map<string, Set<string>>();
  for (const o of occurrences.entities) owners.set(o.target, (owners.get(o.target) ?? new Set()).add(o.owner.id));
  for (const o of occurrences.entities) {
    const services = owners.get(o.target)!;
    if (services.size < 2) continue;
    const others = [...services].filter((s) => s !== o.owner.id).sort();
    if (others.length === 0) continue;
    diagnostics.report(
      'duplicate-entity-owner',
      o.file,
      o.at,
      `entity '${o.target}' is also owned by ${others.map((s) => `service '${s}'`).join(', ')}; data has one owner`,
    );
  }
};
