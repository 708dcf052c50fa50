import { betterDirection, fallsShort } from '../measures.ts';
import type { Check } from './context.ts';

/**
 * Requirements are traced to what meets them: a requirement that nothing satisfies is
 * reported (unless rejected), and so is a service named as satisfying a non-functional
 * target that its own `nfr` falls short of.
 */
export const checkRequirements: Check = ({ model, parsed, invalid, diagnostics }) => {
  for (const requirement of model.byKind.requirement.values()) {
    const data = requirement.data;
    const satisfiers = model.relations.satisfiedBy.get(requirement.id) ?? [];
    // An element that failed validation may be what satisfies it: say nothing until it is fixed.
    if (satisfiers.length === 0 && data.status !== 'rejected' && (data.satisfiedBy ?? []).length === 0 && invalid.length === 0)
      diagnostics.report(
        'unsatisfied-requirement',
        requirement.source.file,
        requirement.source.start,
        `requirement '${requirement.id}' is satisfied by nothing: name what meets it in satisfiedBy`,
      );
    const target = data.target;
    if (data.type !== 'non-functional' || !target) continue;
    const located = parsed.get(`requirement:${requirement.id}`);
    satisfiers.forEach((ref) => {
      if (ref.kind !== 'service') return;
      const nfr = model.byKind.service.get(ref.id)?.data.nfr as Record<string, string | undefined> | undefined;
      const actual = nfr && Object.hasOwn(nfr, target.metric) ? nfr[target.metric] : undefined;
      if (actual === undefined || !fallsShort(target.metric, target, actual)) return;
      const index = (data.satisfiedBy ?? []).findIndex((raw) => raw === ref.id || raw === `service:${ref.id}`);
      const at = located && index >= 0 ? located.locate.value(['satisfiedBy', index]) : requirement.source.start;
      diagnostics.report(
        'nfr-contradiction',
        requirement.source.file,
        at,
        `requirement '${requirement.id}' asks ${target.metric} of at ${betterDirection(target.metric) === 'lower' ? 'most' : 'least'} ${target.value}${target.unit === '%' ? '' : ' '}${target.unit}, but service '${ref.id}' declares ${target.metric}: ${actual}`,
      );
    });
  }
};
