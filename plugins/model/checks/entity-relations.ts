import { didYouMean } from '../suggest.ts';
import type { ParsedElement } from '../read-elements.ts';
import type { Check } from './context.ts';

/** Both ends of every entity relation must be an entity that some service owns. */
export const checkEntityRelations: Check = ({ model, parsed, diagnostics }) => {
  const owned = new Set(model.relations.entityOwners.keys());
  for (const el of parsed.values()) {
    if (el.kind !== 'service') continue;
    (el as ParsedElement<'service'>).data.data?.relations?.forEach((relation, i) => {
      for (const end of ['from', 'to'] as const) {
        const entity = relation[end];
        if (owned.has(entity)) continue;
        diagnostics.report(
          'unknown-entity',
          el.source.file,
          el.locate.value(['data', 'relations', i, end]),
          `entity '${entity}' is not in any service's data.entities${didYouMean(entity, owned)}`,
        );
      }
    });
  }
};
