import { compare } from './diagnostics.ts';
import { keyOf, type ElementRef, type Model } from './model.ts';

/** A relation between two elements, as a sentence of the content model reads: `orders calls billing over gRPC`. */
export interface RelationLine {
  /** What the relation is: `calls`, `publishes`, `consumes`, `stores data in`, `runs`, `affects` … */
  readonly verb: string;
  readonly from: ElementRef;
  readonly to: ElementRef;
  /** How, where the relation says: a call's protocol. */
  readonly how?: string | undefined;
}

/** The relations one model has and the other has not. */
export interface RelationDiff {
  readonly added: readonly RelationLine[];
  readonly removed: readonly RelationLine[];
}

/**
 * Every relation of a model between two elements, a line each, in the content model's words:
 * calls and uses, events published and consumed, data stored, what runs where, who owns what,
 * the domain of each service, what decisions affect, what satisfies a requirement, what a
 * risk threatens, linked fields (a constraint binds). Computed from the resolved relations,
 * so only references that resolved are relations.
 */
export function relationLines(model: Model): RelationLine[] {
  const rel = model.relations;
  const lines: RelationLine[] = [];
  const add = (verb: string, from: ElementRef, to: ElementRef, how?: string) => lines.push({ verb, from, to, how });
  const service = (id: string): ElementRef => ({ kind: 'service', id });
  for (const calls of rel.calls.values()) for (const call of calls) add('calls', call.from, call.to, call.protocol);
  for (const [event, services] of rel.producers) for (const s of services) add('publishes', service(s), { kind: 'event', id: event });
  for (const [event, services] of rel.consumers) for (const s of services) add('consumes', service(s), { kind: 'event', id: event });
  for (const [resource, uses] of rel.resourceUsers)
    for (const use of uses) if (use.via === 'store') add('stores data in', service(use.service), { kind: 'resource', id: resource });
  for (const [domain, services] of rel.domainServices) for (const s of services) add('is in', service(s), { kind: 'domain', id: domain });
  for (const [team, owned] of rel.owned) for (const el of owned) add('owns', { kind: 'team', id: team }, el);
  for (const [key, placements] of rel.placements) {
    const [kind, ...id] = key.split(':');
    const placed = { kind: kind as ElementRef['kind'], id: id.join(':') };
    for (const p of placements) add('runs', { kind: 'deployment', id: p.deployment }, placed, p.nodes.map((n) => n.name).join(' / '));
  }
  for (const [decision, targets] of rel.affects) for (const t of targets) add('affects', { kind: 'decision', id: decision }, t);
  for (const [req, targets] of rel.satisfiedBy) for (const t of targets) add('is satisfied by', { kind: 'requirement', id: req }, t);
  for (const [risk, targets] of rel.riskAffects) for (const t of targets) add('threatens', { kind: 'risk', id: risk }, t);
  for (const [owner, links] of rel.links) {
    const [kind, ...id] = owner.split(':');
    for (const link of links) add(link.field, { kind: kind as ElementRef['kind'], id: id.join(':') }, link.target);
  }
  return lines;
}

/** The relations added and removed from `before` to `after`, each list sorted by its sentence. */
export function diffRelations(before: Model, after: Model): RelationDiff {
  const keyed = (model: Model) => new Map(relationLines(model).map((line) => [lineKey(line), line]));
  const old = keyed(before);
  const now = keyed(after);
  const sorted = (lines: RelationLine[]) => lines.sort((a, b) => compare(lineKey(a), lineKey(b)));
  return {
    added: sorted([...now].filter(([k]) => !old.has(k)).map(([, line]) => line)),
    removed: sorted([...old].filter(([k]) => !now.has(k)).map(([, line]) => line)),
  };
}

function lineKey(line: RelationLine): string {
  return `${keyOf(line.from)} ${line.verb} ${keyOf(line.to)}${line.how ? ` (${line.how})` : ''}`;
}
