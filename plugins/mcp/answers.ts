import { CODES, type Code } from '../model/codes.ts';
import type { Diagnostic } from '../model/diagnostics.ts';
import { isKind, KIND_NAMES, type ElementKind } from '../model/kinds.ts';
import { keyOf, type Element, type ElementRef, type Model } from '../model/model.ts';
import { displayName } from '../model/names.ts';
import { serviceDomain } from '../model/queries.ts';
import { elementRoute } from '../model/routes.ts';
import { closest } from '../model/suggest.ts';

/**
 * What the MCP server's tools answer, worked out from the checked model alone: each answer is
 * plain data (the server sends it as JSON), and every element in it carries a link to its page.
 */
export interface ElementSummary {
  readonly kind: ElementKind;
  readonly id: string;
  readonly name: string;
  readonly description?: string | undefined;
  readonly domain?: string | undefined;
  readonly team?: string | undefined;
  /** The element's page on the site: absolute where system.yaml gives the site's `url`. */
  readonly link: string;
  /** Its file in the content folder. */
  readonly file: string;
}

/** Where pages are: the site's `url` from system.yaml, or the site's root. */
export function pageLink(model: Model, ref: ElementRef): string {
  const route = elementRoute(ref);
  const url = model.system.data.url;
  return url ? `${url.replace(/\/+$/, '')}${route}` : route;
}

export function summary(model: Model, el: Element): ElementSummary {
  const data = el.data as { description?: unknown; responsibility?: unknown; owner?: unknown; domain?: unknown };
  const description =
    typeof data.responsibility === 'string' ? data.responsibility : typeof data.description === 'string' ? data.description : undefined;
  return {
    kind: el.kind,
    id: el.id,
    name: displayName(el),
    description,
    domain: el.kind === 'service' ? serviceDomain(model, el.id) : el.kind === 'domain' ? el.id : undefined,
    team: typeof data.owner === 'string' ? data.owner : undefined,
    link: pageLink(model, el),
    file: el.source.path,
  };
}

/** The kinds a reader looks for first, where several elements match alike. */
const MAIN_KINDS = new Set<ElementKind>(['service', 'event', 'domain', 'resource', 'system']);

export interface FindQuery {
  readonly text?: string | undefined;
  readonly kind?: string | undefined;
  readonly domain?: string | undefined;
  readonly team?: string | undefined;
  readonly limit?: number | undefined;
}

/**
 * Elements whose id, name or description holds every word of `text` (any case), of a kind, in
 * a domain or owned by a team; best first (a match in the name before one in the description).
 */
export function findElements(model: Model, query: FindQuery): { results: ElementSummary[]; total: number; note?: string } {
  if (query.kind !== undefined && !isKind(query.kind)) {
    const near = closest(query.kind, KIND_NAMES);
    return {
      results: [],
      total: 0,
      note: `no kind '${query.kind}'${near ? ` (did you mean '${near}'?)` : ''}; kinds: ${KIND_NAMES.join(', ')}`,
    };
  }
  const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const scored = model.elements.flatMap((el) => {
    if (query.kind && el.kind !== query.kind) return [];
    const s = summary(model, el);
    if (query.domain && s.domain !== query.domain) return [];
    if (query.team && s.team !== query.team) return [];
    const name = `${s.id} ${s.name}`.toLowerCase();
    const all = `${name} ${s.description ?? ''} ${JSON.stringify(el.data)}`.toLowerCase();
    if (!words.every((w) => all.includes(w))) return [];
    // A match in the id or name before one in the text; an id that starts with the words first; the main kinds first.
    const score =
      words.filter((w) => name.includes(w)).length * 10 +
      (words.length > 0 && (s.id === words.join('-') || s.name.toLowerCase() === words.join(' ')) ? 100 : 0) +
      (words.length > 0 && s.id.startsWith(words[0]!) ? 5 : 0) +
      (MAIN_KINDS.has(s.kind) ? 2 : 0);
    return [{ s, score }];
  });
  scored.sort((a, b) => b.score - a.score || (a.s.kind < b.s.kind ? -1 : a.s.kind > b.s.kind ? 1 : a.s.id < b.s.id ? -1 : 1));
  const limit = Math.max(1, Math.min(query.limit ?? 25, 200));
  return { results: scored.slice(0, limit).map((x) => x.s), total: scored.length };
}

/** An element by id (and kind, where the id is taken in several kinds); the candidates when it is not found. */
export function lookup(model: Model, id: string, kind?: string): Element | { error: string } {
  const kinds = kind !== undefined ? (isKind(kind) ? [kind] : []) : KIND_NAMES;
  if (kind !== undefined && kinds.length === 0) return { error: `no kind '${kind}'; kinds: ${KIND_NAMES.join(', ')}` };
  const found = kinds.flatMap((k) => {
    const el = model.byKind[k].get(id);
    return el ? [el as Element] : [];
  });
  if (found.length === 1) return found[0]!;
  if (found.length > 1) return { error: `'${id}' is a ${found.map((el) => el.kind).join(' and a ')}: say which kind` };
  const near = closest(
    id,
    kinds.flatMap((k) => [...model.byKind[k].keys()]),
  );
  return { error: `no ${kind ?? 'element'} '${id}'${near ? ` (did you mean '${near}'?)` : ''}` };
}

const refsOf = (model: Model, refs: readonly ElementRef[]) =>
  refs.map((ref) => ({ kind: ref.kind, id: ref.id, name: nameOr(model, ref), link: pageLink(model, ref) }));

function nameOr(model: Model, ref: ElementRef): string {
  const el = model.byKind[ref.kind].get(ref.id) as Element | undefined;
  return el ? displayName(el) : ref.id;
}

/** An element with its fields and every relation the model computes for it. */
export function elementWithRelations(model: Model, el: Element) {
  const key = keyOf(el);
  const r = model.relations;
  const services = (ids: readonly string[] | undefined) =>
    refsOf(
      model,
      (ids ?? []).map((id) => ({ kind: 'service' as const, id })),
    );
  return {
    ...summary(model, el),
    fields: el.data,
    relations: {
      calls: (r.calls.get(key) ?? []).map((c) => ({ ...refsOf(model, [c.to])[0]!, protocol: c.protocol, description: c.description })),
      calledBy: (r.callers.get(key) ?? []).map((c) => ({
        ...refsOf(model, [c.from])[0]!,
        protocol: c.protocol,
        description: c.description,
      })),
      ...(el.kind === 'event' ? { producers: services(r.producers.get(el.id)), consumers: services(r.consumers.get(el.id)) } : {}),
      ...(el.kind === 'resource'
        ? { usedBy: (r.resourceUsers.get(el.id) ?? []).map((u) => ({ service: u.service, via: u.via, detail: u.detail })) }
        : {}),
      ...(el.kind === 'domain' ? { services: services(r.domainServices.get(el.id)) } : {}),
      runsOn: (r.placements.get(key) ?? []).map((p) => ({
        deployment: p.deployment,
        nodes: p.nodes.map((n) => n.name),
        replicas: p.replicas,
      })),
      decisions: refsOf(
        model,
        (r.decisions.get(key) ?? []).map((id) => ({ kind: 'decision' as const, id })),
      ),
      risks: refsOf(
        model,
        (r.risks.get(key) ?? []).map((id) => ({ kind: 'risk' as const, id })),
      ),
      requirements: refsOf(
        model,
        (r.requirements.get(key) ?? []).map((id) => ({ kind: 'requirement' as const, id })),
      ),
      flows: refsOf(
        model,
        (r.flows.get(key) ?? []).map((id) => ({ kind: 'flow' as const, id })),
      ),
      linkedFrom: (r.linkedFrom.get(key) ?? []).map((l) => ({ as: l.inverse, ...refsOf(model, [l.from])[0]! })),
    },
  };
}

/**
 * Who is affected by a change to an element: whoever calls it (and, following calls back, who
 * depends on those, up to `depth`), the consumers of the events it publishes, the services of a
 * resource, and the decisions, flows and requirements that name it.
 */
export function impactOf(model: Model, el: Element, depth = 3) {
  const r = model.relations;
  const affected = new Map<string, { ref: ElementRef; why: string; distance: number }>();
  const add = (ref: ElementRef, why: string, distance: number) => {
    const key = keyOf(ref);
    if (key !== keyOf(el) && !affected.has(key)) affected.set(key, { ref, why, distance });
  };
  let frontier: ElementRef[] = [el];
  for (let distance = 1; distance <= depth && frontier.length > 0; distance++) {
    const next: ElementRef[] = [];
    for (const ref of frontier) {
      const via = distance === 1 ? '' : ` (through ${nameOr(model, ref)})`;
      for (const call of r.callers.get(keyOf(ref)) ?? [])
        if (!affected.has(keyOf(call.from))) {
          add(call.from, `calls ${nameOr(model, ref)}${call.protocol ? ` over ${call.protocol}` : ''}${via}`, distance);
          next.push(call.from);
        }
      if (ref.kind === 'service') {
        const published = model.byKind.service.get(ref.id)?.data.events?.publishes ?? [];
        for (const event of published)
          for (const consumer of r.consumers.get(event) ?? []) {
            const c = { kind: 'service' as const, id: consumer };
            if (!affected.has(keyOf(c))) {
              add(c, `consumes ${event}, which ${nameOr(model, ref)} publishes${via}`, distance);
              next.push(c);
            }
          }
      }
      if (ref.kind === 'event' && distance === 1)
        for (const consumer of r.consumers.get(ref.id) ?? []) {
          const c = { kind: 'service' as const, id: consumer };
          add(c, `consumes ${ref.id}`, distance);
          next.push(c);
        }
      if (ref.kind === 'resource' && distance === 1)
        for (const use of r.resourceUsers.get(ref.id) ?? []) {
          const s = { kind: 'service' as const, id: use.service };
          add(s, `uses it (${use.via}${use.detail ? `: ${use.detail}` : ''})`, distance);
          next.push(s);
        }
    }
    frontier = next;
  }
  const key = keyOf(el);
  for (const id of r.decisions.get(key) ?? []) add({ kind: 'decision', id }, 'a decision that affects it', 1);
  for (const id of r.flows.get(key) ?? []) add({ kind: 'flow', id }, 'a flow it takes part in', 1);
  for (const id of r.requirements.get(key) ?? []) add({ kind: 'requirement', id }, 'a requirement it satisfies', 1);
  return {
    element: summary(model, el),
    affected: [...affected.values()]
      .sort((a, b) => a.distance - b.distance || keyOf(a.ref).localeCompare(keyOf(b.ref)))
      .map((a) => ({ ...refsOf(model, [a.ref])[0]!, why: a.why, distance: a.distance })),
  };
}

/** A requirement's traceability: who raised it, what satisfies it, and where those run. */
export function traceRequirement(model: Model, id: string) {
  const el = model.byKind.requirement.get(id);
  if (!el) return lookup(model, id, 'requirement') as { error: string };
  const r = model.relations;
  return {
    requirement: summary(model, el),
    fields: el.data,
    raisedBy: refsOf(model, r.raisedBy.get(id) ?? []),
    satisfiedBy: refsOf(model, r.satisfiedBy.get(id) ?? []),
    satisfied: (r.satisfiedBy.get(id) ?? []).length > 0,
  };
}

const LEVEL = ['very-low', 'low', 'medium', 'high', 'very-high'];

/** Risks that are not closed (and, unless asked, not mitigated or accepted), the gravest first. */
export function openRisks(model: Model, all = false) {
  const open = new Set(all ? ['open', 'mitigating', 'mitigated', 'accepted'] : ['open', 'mitigating']);
  return [...model.byKind.risk.values()]
    .filter((risk) => open.has(risk.data.status))
    .map((risk) => ({
      ...summary(model, risk),
      likelihood: risk.data.likelihood,
      impact: risk.data.impact,
      score: (LEVEL.indexOf(risk.data.likelihood) + 1) * (LEVEL.indexOf(risk.data.impact) + 1),
      status: risk.data.status,
      mitigation: risk.data.mitigation,
      review: risk.data.review,
      affects: refsOf(model, model.relations.riskAffects.get(risk.id) ?? []),
    }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** A diagnostic code: its severity, what it guards and how to fix it; the close codes when it is not one. */
export function explainCode(code: string) {
  if (Object.hasOwn(CODES, code)) {
    const info = CODES[code as Code];
    return { code, severity: info.severity, title: info.title, fix: info.hint };
  }
  const near = closest(code, Object.keys(CODES));
  return { error: `no diagnostic code '${code}'${near ? ` (did you mean '${near}'?)` : ''}` };
}

/** `check`'s diagnostics as data, with a count. */
export function checkAnswer(diagnostics: readonly Diagnostic[]) {
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    diagnostics,
  };
}
