/**
 * An archsite model, as `archsite export --format json` writes it, in LikeC4's DSL: the same
 * elements and relations, and a view for each thing archsite draws a diagram of, so that the
 * two tools' builds do comparable work. Used by bench/likec4/side-by-side.ts.
 *
 * - People and external systems are top-level elements, beside the system. The system holds
 *   the domains; a domain its services (and theirs, their components), the events they publish
 *   and the resources only they use. What several domains share sits in the system.
 * - Relations: calls and uses, a service's stores, what components use, and events as a
 *   publisher → event → consumer pair.
 * - Views: the landscape, the system's, and one scoped view per domain, service and event;
 *   with `deployments`, one deployment view per environment.
 */

/** The part of `export --format json` (version 1) read here. */
export interface ExportedModel {
  readonly version: number;
  readonly system: { readonly name: string };
  readonly elements: readonly ExportedElement[];
  readonly relations: {
    readonly calls: Readonly<Record<string, readonly ExportedCall[]>>;
    readonly producers: Readonly<Record<string, readonly string[]>>;
    readonly consumers: Readonly<Record<string, readonly string[]>>;
    readonly resourceUsers: Readonly<Record<string, readonly { readonly service: string; readonly via: string }[]>>;
    readonly categories: Readonly<Record<string, string>>;
  };
}

interface ExportedElement {
  readonly kind: string;
  readonly id: string;
  readonly data: Readonly<Record<string, unknown>>;
}

interface ExportedCall {
  readonly from: { readonly kind: string; readonly id: string };
  readonly to: { readonly kind: string; readonly id: string };
  readonly description?: string;
  readonly protocol?: string;
}

interface DeploymentNode {
  readonly id: string;
  readonly name?: string;
  readonly technology?: string;
  readonly nodes?: readonly DeploymentNode[];
  readonly instances?: readonly { readonly service?: string; readonly resource?: string }[];
}

interface Component {
  readonly id: string;
  readonly name?: string;
  readonly technology?: string;
  readonly uses?: readonly string[];
}

export interface ConvertOptions {
  /** Also write the deployment model and a deployment view per environment. @default false */
  readonly deployments?: boolean;
}

/** The LikeC4 source for `model`: one `.c4` file's text. */
export function toLikeC4(model: ExportedModel, options: ConvertOptions = {}): string {
  if (model.version !== 1) throw new Error(`export format version ${model.version}: this converter reads version 1`);
  const names = new Identifiers();
  const byKind = (kind: string) => model.elements.filter((e) => e.kind === kind);
  const services = byKind('service');
  const domains = byKind('domain');
  /** Each element's fully qualified LikeC4 name, by `kind:id`. */
  const fqn = new Map<string, string>();
  const lines: string[] = [];
  const say = (depth: number, line: string) => lines.push(`${'  '.repeat(depth)}${line}`);
  const element = (depth: number, key: string, kind: string, e: ExportedElement, parent?: string) => {
    const id = names.take(key, e.id);
    fqn.set(key, parent ? `${parent}.${id}` : id);
    say(depth, `${id} = ${kind} ${quote(title(e))} {`);
    const description = e.data.description ?? e.data.responsibility;
    if (typeof description === 'string') say(depth + 1, `description ${quote(description)}`);
    const technology = technologyOf(e);
    if (technology) say(depth + 1, `technology ${quote(technology)}`);
    return id;
  };

  say(0, 'specification {');
  for (const [kind, shape] of SPECIFICATION) say(1, shape ? `element ${kind} { style { shape ${shape} } }` : `element ${kind}`);
  if (options.deployments) (say(1, 'deploymentNode environment'), say(1, 'deploymentNode node'));
  say(0, '}');
  say(0, '');
  say(0, 'model {');
  for (const e of byKind('person')) (element(1, `person:${e.id}`, 'actor', e), say(1, '}'));
  for (const e of byKind('system')) (element(1, `system:${e.id}`, 'external', e), say(1, '}'));
  // The system itself holds its domains, and in each its services, the events they publish
  // and the resources only they use; what several domains share sits in the system.
  const domainOf = new Map<string, string>();
  for (const s of services)
    if (typeof s.data.domain === 'string' && domains.some((d) => d.id === s.data.domain)) domainOf.set(s.id, s.data.domain);
  const home = (serviceIds: readonly string[]) => {
    const homes = new Set(serviceIds.map((id) => domainOf.get(id) ?? ''));
    return homes.size === 1 ? [...homes][0]! : '';
  };
  const byHome = new Map<string, { kind: string; e: ExportedElement }[]>();
  const place = (where: string, kind: string, e: ExportedElement) => byHome.set(where, [...(byHome.get(where) ?? []), { kind, e }]);
  for (const e of byKind('resource')) {
    const category = own(model.relations.categories, e.id);
    const kind = category === 'database' || category === 'cache' ? 'database' : category === 'messaging' ? 'queue' : 'resource';
    place(home((own(model.relations.resourceUsers, e.id) ?? []).map((u) => u.service)), kind, e);
  }
  for (const e of byKind('event')) place(home(own(model.relations.producers, e.id) ?? []), 'event', e);
  for (const s of services) place(domainOf.get(s.id) ?? '', 'service', s);
  const system = names.take('system', 'platform');
  fqn.set('system', system);
  say(1, `${system} = system ${quote(model.system.name)} {`);
  const contents = (depth: number, where: string, parent: string) => {
    for (const { kind, e } of byHome.get(where) ?? []) {
      const id = element(depth, `${kind === 'service' || kind === 'event' ? kind : 'resource'}:${e.id}`, kind, e, parent);
      const components = kind === 'service' && Array.isArray(e.data.components) ? (e.data.components as Component[]) : [];
      for (const c of components) {
        const cid = names.take(`component:${e.id}/${c.id}`, c.id);
        fqn.set(`component:${e.id}/${c.id}`, `${parent}.${id}.${cid}`);
        say(depth + 1, `${cid} = component ${quote(c.name ?? c.id)}${c.technology ? ` { technology ${quote(c.technology)} }` : ''}`);
      }
      say(depth, '}');
    }
  };
  for (const d of domains) {
    const id = element(2, `domain:${d.id}`, 'domain', d, system);
    contents(3, d.id, `${system}.${id}`);
    say(2, '}');
  }
  contents(2, '', system);
  say(1, '}');

  const written = new Set<string>();
  const relation = (from: string | undefined, to: string | undefined, label?: string, technology?: string) => {
    if (!from || !to || from === to) return;
    const line = `${from} -> ${to} ${label ?? ''} ${technology ?? ''}`;
    if (written.has(line)) return;
    written.add(line);
    say(1, `${from} -> ${to}${label ? ` ${quote(label)}` : ''}${technology ? ` { technology ${quote(technology)} }` : ''}`);
  };
  for (const calls of Object.values(model.relations.calls))
    for (const call of calls)
      relation(fqn.get(`${call.from.kind}:${call.from.id}`), fqn.get(`${call.to.kind}:${call.to.id}`), call.description, call.protocol);
  for (const [resource, users] of Object.entries(model.relations.resourceUsers))
    for (const user of users) relation(fqn.get(`service:${user.service}`), fqn.get(`resource:${resource}`), USES.get(user.via) ?? 'uses');
  for (const [event, producers] of Object.entries(model.relations.producers))
    for (const p of producers) relation(fqn.get(`service:${p}`), fqn.get(`event:${event}`), 'publishes');
  for (const [event, consumers] of Object.entries(model.relations.consumers))
    for (const c of consumers) relation(fqn.get(`event:${event}`), fqn.get(`service:${c}`), 'consumed by');
  for (const s of services)
    for (const c of Array.isArray(s.data.components) ? (s.data.components as Component[]) : [])
      for (const used of c.uses ?? [])
        relation(
          fqn.get(`component:${s.id}/${c.id}`),
          fqn.get(`component:${s.id}/${used}`) ?? fqn.get(`service:${used}`) ?? fqn.get(`resource:${used}`),
        );
  say(0, '}');

  const deployments = options.deployments ? byKind('deployment') : [];
  if (deployments.length > 0) {
    say(0, '');
    say(0, 'deployment {');
    for (const d of deployments) {
      say(1, `environment ${names.take(`deployment:${d.id}`, d.id)} {`);
      const node = (depth: number, n: DeploymentNode, path: string) => {
        say(depth, `${names.take(`node:${path}/${n.id}`, n.id)} = node ${quote(n.name ?? n.id)} {`);
        if (n.technology) say(depth + 1, `technology ${quote(n.technology)}`);
        for (const child of n.nodes ?? []) node(depth + 1, child, `${path}/${n.id}`);
        for (const i of n.instances ?? []) {
          const target = i.service ? fqn.get(`service:${i.service}`) : i.resource ? fqn.get(`resource:${i.resource}`) : undefined;
          if (target) say(depth + 1, `instanceOf ${target}`);
        }
        say(depth, '}');
      };
      for (const n of (d.data.nodes ?? []) as DeploymentNode[]) node(2, n, d.id);
      say(1, '}');
    }
    say(0, '}');
  }

  say(0, '');
  say(0, 'views {');
  say(1, `view index {`);
  say(2, `title ${quote(model.system.name)}`);
  say(2, 'include *');
  say(1, '}');
  for (const [key, name] of [...fqn].filter(([key]) => /^(domain|service|event):|^system$/.test(key))) {
    say(1, `view ${names.take(`view:${key}`, `view-${key.replace(':', '-')}`)} of ${name} {`);
    say(2, 'include *');
    say(1, '}');
  }
  for (const d of deployments) {
    const env = names.take(`deployment:${d.id}`, d.id);
    say(1, `deployment view ${names.take(`view:deployment:${d.id}`, `deployment-${d.id}`)} {`);
    say(2, `include ${env}.**`);
    say(1, '}');
  }
  say(0, '}');
  return `${lines.join('\n')}\n`;
}

/** How a service uses a resource, by how the model knows it (`resourceUsers`' `via`). */
const USES: ReadonlyMap<string, string> = new Map([
  ['store', 'stores data in'],
  ['broker', 'sends events through'],
  ['component', 'uses'],
]);

/** The element kinds, and the shape each is drawn as. */
const SPECIFICATION: readonly (readonly [string, string | undefined])[] = [
  ['actor', 'person'],
  ['external', undefined],
  ['system', undefined],
  ['domain', undefined],
  ['service', undefined],
  ['component', undefined],
  ['resource', undefined],
  ['database', 'storage'],
  ['queue', 'queue'],
  ['event', 'queue'],
];

/**
 * LikeC4 names: a letter or `_`, then letters, digits, `_` and `-`; not a keyword. Each
 * archsite key gets one, made unique, and keeps it.
 */
class Identifiers {
  readonly #given = new Map<string, string>();
  readonly #used = new Set<string>();

  take(key: string, wanted: string): string {
    const known = this.#given.get(key);
    if (known !== undefined) return known;
    let base = wanted.replace(/[^A-Za-z0-9_-]+/g, '_');
    if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
    if (KEYWORDS.has(base)) base = `${base}_`;
    let id = base;
    for (let i = 2; this.#used.has(id); i++) id = `${base}_${i}`;
    this.#given.set(key, id);
    this.#used.add(id);
    return id;
  }
}

const KEYWORDS = new Set([
  'model',
  'views',
  'view',
  'specification',
  'deployment',
  'element',
  'tag',
  'style',
  'include',
  'exclude',
  'title',
  'description',
  'technology',
  'node',
  'environment',
  'instanceOf',
  'extend',
  'global',
  'dynamic',
  'this',
  'it',
  'with',
  'of',
  'where',
  'and',
  'or',
  'not',
  'is',
  'kind',
  'import',
  'from',
  'link',
  'metadata',
  'icon',
  'color',
  'shape',
  'relationship',
  'parallel',
  'par',
  'group',
  'autoLayout',
  'navigateTo',
  'notation',
  'summary',
]);

function title(e: ExportedElement): string {
  const name = e.data.name ?? e.data.title;
  return typeof name === 'string' ? name : e.id;
}

function technologyOf(e: ExportedElement): string | undefined {
  const stack = e.data.stack as { language?: unknown; framework?: unknown } | undefined;
  const parts = [stack?.language, stack?.framework, e.data.type].filter((p): p is string => typeof p === 'string');
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** A relation's entry for an element, never what every object inherits (`constructor`). */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A LikeC4 string: double quotes, backslash escapes, on one line. */
function quote(text: string): string {
  return `"${text.replace(/\s+/g, ' ').replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
