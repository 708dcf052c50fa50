import type { Position } from '../diagnostics.ts';
import { keyOf, type Element } from '../model.ts';
import type { RelationLine } from '../relation-diff.ts';
import type { Occurrences } from '../resolve.ts';

/** Where a relation is written: the reference that makes it (a dependency, an event, a store), else the element that holds it. */
export function whereWritten(occurrences: Occurrences, line: RelationLine, from: Element): { file: string; at: Position } {
  const lists: Partial<Record<string, Occurrences['dependencies']>> = {
    calls: occurrences.dependencies,
    publishes: occurrences.publishes,
    consumes: occurrences.consumes,
    'stores data in': occurrences.stores,
  };
  const found = lists[line.verb]?.find((o) => keyOf(o.owner) === keyOf(line.from) && keyOf(o.target) === keyOf(line.to));
  return found ? { file: found.file, at: found.at } : { file: from.source.file, at: from.source.start };
}
