import { kindInfo } from '../kinds.ts';
import { keyOf, type Element, type ElementRef, type Model } from '../model.ts';
import { relationLines, type RelationLine } from '../relation-diff.ts';
import type { Lifecycle } from '../schemas/common.ts';
import type { Check } from './context.ts';
import { whereWritten } from './relation-position.ts';

/** The relations by which one element relies on another being there. */
const RELIES = new Set(['calls', 'consumes', 'publishes', 'stores data in', 'runs']);
/** What is not there to rely on: not built yet, or gone. */
const ABSENT: ReadonlySet<Lifecycle> = new Set(['proposed', 'planned', 'retired']);

/**
 * Planned and current state. `lifecycle-dependency`: something in use (active, or deprecated)
 * relies on something not there, retired or only planned, unless the relation itself is planned
 * (a dependency with `lifecycle: planned`). `deprecated-without-replacement`: a deprecated
 * element that does not say what replaces it.
 */
export const checkLifecycles: Check = ({ model, occurrences, parsed, diagnostics }) => {
  for (const el of model.elements) {
    const data = el.data as { readonly lifecycle?: Lifecycle; readonly replacedBy?: string };
    if (data.lifecycle !== 'deprecated' || data.replacedBy !== undefined) continue;
    const at = parsed.get(keyOf(el))?.locate.value(['lifecycle']) ?? el.source.start;
    diagnostics.report(
      'deprecated-without-replacement',
      el.source.file,
      at,
      `${named(el)} is deprecated but names nothing that replaces it (replacedBy)`,
    );
  }
  // Nothing retired or only planned, nothing to rely on wrongly: the relations are not read at all.
  if (!model.elements.some((el) => ABSENT.has(stateOf(el)))) return;
  for (const line of relationLines(model)) {
    if (!RELIES.has(line.verb)) continue;
    const from = elementOf(model, line.from);
    const to = elementOf(model, line.to);
    if (!from || !to || ABSENT.has(stateOf(from)) || !ABSENT.has(stateOf(to)) || plannedCall(from, line)) continue;
    const { file, at } = whereWritten(occurrences, line, from);
    const state = stateOf(to);
    const advice =
      state === 'retired'
        ? `rely on what replaced it${(to.data as { replacedBy?: string }).replacedBy ? ` ('${(to.data as { replacedBy?: string }).replacedBy}')` : ''}`
        : `mark the relation \`lifecycle: ${state}\` too, or the ${kindInfo(to.kind).label.toLowerCase()} active once it is`;
    diagnostics.report('lifecycle-dependency', file, at, `${named(from)} ${line.verb} ${named(to)}, which is ${state}: ${advice}`);
  }
};

function named(el: Element): string {
  return `${kindInfo(el.kind).label.toLowerCase()} '${el.id}'`;
}

function elementOf(model: Model, ref: ElementRef): Element | undefined {
  return model.byKind[ref.kind].get(ref.id);
}

function stateOf(el: Element): Lifecycle {
  return (el.data as { readonly lifecycle?: Lifecycle }).lifecycle ?? 'active';
}

/** Whether a service's call is itself planned or proposed (`dependencies: [{ target, lifecycle: planned }]`). */
function plannedCall(from: Element, line: RelationLine): boolean {
  if (from.kind !== 'service' || line.verb !== 'calls') return false;
  return (from.data.dependencies ?? []).some(
    (dep) =>
      typeof dep !== 'string' &&
      (dep.target === line.to.id || dep.target === keyOf(line.to)) &&
      dep.lifecycle !== undefined &&
      ABSENT.has(dep.lifecycle) &&
      dep.lifecycle !== 'retired',
  );
}
