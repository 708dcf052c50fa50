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
  const writer = new LikeC4Writer(model);
  const deployments = options.deployments ? writer.byKind('deployment') : [];
  writer.specification(deployments.length > 0);
  writer.elements();
  writer.relations();
  writer.deployments(deployments);
  writer.views(deployments);
  return writer.text();
}

/** Writes the source section by section, keeping each element's name as it goes. */
class LikeC4Writer {
  readonly #model: ExportedModel;
  readonly #names = new Identifiers();
  /** Each element's fully qualified LikeC4 name, by `kind:id` (and `system` for the system itself). */
  readonly #fqn = new Map<string, string>();
  readonly #lines: string[] = [];
  readonly #relations = new Set<string>();

  constructor(model: ExportedModel) {
    this.#model = model;
  }

  byKind(kind: string): ExportedElement[] {
    return this.#model.elements.filter((e) => e.kind === kind);
  }

  text(): string {
    return `${this.#lines.join('\n')}\n`;
  }

  specification(deployments: boolean): void {
    this.#say(0, 'specification {');
    for (const [kind, shape] of SPECIFICATION) this.#say(1, shape ? `element ${kind} { style { shape ${shape} } }` : `element ${kind}`);
    if (deployments) (this.#say(1, 'deploymentNode environment'), this.#say(1, 'deploymentNode node'));
    this.#say(0, '}');
  }

  /**
   * People and external systems, then the system: its domains, and in each its services, the
   * events they publish and the resources only they use; what several domains share sits in
   * the system itself. The model section stays open for the relations.
   */
  elements(): void {
    const { relations } = this.#model;
    this.#say(0, '');
    this.#say(0, 'model {');
    for (const e of this.byKind('person')) (this.#element(1, `person:${e.id}`, 'actor', e), this.#say(1, '}'));
    for (const e of this.byKind('system')) (this.#element(1, `system:${e.id}`, 'external', e), this.#say(1, '}'));
    const domains = this.byKind('domain');
    const domainOf = new Map<string, string>();
    for (const s of this.byKind('service'))
      if (typeof s.data.domain === 'string' && domains.some((d) => d.id === s.data.domain)) domainOf.set(s.id, s.data.domain);
    const home = (serviceIds: readonly string[]) => {
      const homes = new Set(serviceIds.map((id) => domainOf.get(id) ?? ''));
      return homes.size === 1 ? [...homes][0]! : '';
    };
    const byHome = new Map<string, { kind: string; e: ExportedElement }[]>();
    const place = (where: string, kind: string, e: ExportedElement) => byHome.set(where, [...(byHome.get(where) ?? []), { kind, e }]);
    for (const e of this.byKind('resource')) {
      const category = own(relations.categories, e.id);
      const kind = category === 'database' || category === 'cache' ? 'database' : category === 'messaging' ? 'queue' : 'resource';
      place(home((own(relations.resourceUsers, e.id) ?? []).map((u) => u.service)), kind, e);
    }
    for (const e of this.byKind('event')) place(home(own(relations.producers, e.id) ?? []), 'event', e);
    for (const s of this.byKind('service')) place(domainOf.get(s.id) ?? '', 'service', s);
    const system = this.#names.take('system', 'platform');
    this.#fqn.set('system', system);
    this.#say(1, `${system} = system ${quote(this.#model.system.name)} {`);
    for (const d of domains) {
      const id = this.#element(2, `domain:${d.id}`, 'domain', d, system);
      for (const { kind, e } of byHome.get(d.id) ?? []) this.#contained(3, kind, e, `${system}.${id}`);
      this.#say(2, '}');
    }
    for (const { kind, e } of byHome.get('') ?? []) this.#contained(2, kind, e, system);
    this.#say(1, '}');
  }

  /** Calls and uses, stores, events as publisher → event → consumer, and what components use; then the model section closes. */
  relations(): void {
    const { relations } = this.#model;
    const fqn = (key: string) => this.#fqn.get(key);
    for (const calls of Object.values(relations.calls))
      for (const call of calls)
        this.#relation(fqn(`${call.from.kind}:${call.from.id}`), fqn(`${call.to.kind}:${call.to.id}`), call.description, call.protocol);
    for (const [resource, users] of Object.entries(relations.resourceUsers))
      for (const user of users) this.#relation(fqn(`service:${user.service}`), fqn(`resource:${resource}`), USES.get(user.via) ?? 'uses');
    for (const [event, producers] of Object.entries(relations.producers))
      for (const p of producers) this.#relation(fqn(`service:${p}`), fqn(`event:${event}`), 'publishes');
    for (const [event, consumers] of Object.entries(relations.consumers))
      for (const c of consumers) this.#relation(fqn(`event:${event}`), fqn(`service:${c}`), 'consumed by');
    for (const s of this.byKind('service'))
      for (const c of componentsOf(s))
        for (const used of c.uses ?? [])
          this.#relation(
            fqn(`component:${s.id}/${c.id}`),
            fqn(`component:${s.id}/${used}`) ?? fqn(`service:${used}`) ?? fqn(`resource:${used}`),
          );
    this.#say(0, '}');
  }

  deployments(deployments: readonly ExportedElement[]): void {
    if (deployments.length === 0) return;
    this.#say(0, '');
    this.#say(0, 'deployment {');
    for (const d of deployments) {
      this.#say(1, `environment ${this.#names.take(`deployment:${d.id}`, d.id)} {`);
      for (const n of (d.data.nodes ?? []) as DeploymentNode[]) this.#node(2, n, d.id);
      this.#say(1, '}');
    }
    this.#say(0, '}');
  }

  /** The landscape, the system, each domain, service and event, and each environment. */
  views(deployments: readonly ExportedElement[]): void {
    this.#say(0, '');
    this.#say(0, 'views {');
    this.#say(1, `view index {`);
    this.#say(2, `title ${quote(this.#model.system.name)}`);
    this.#say(2, 'include *');
    this.#say(1, '}');
    for (const [key, name] of [...this.#fqn].filter(([key]) => /^(domain|service|event):|^system$/.test(key))) {
      this.#say(1, `view ${this.#names.take(`view:${key}`, `view-${key.replace(':', '-')}`)} of ${name} {`);
      this.#say(2, 'include *');
      this.#say(1, '}');
    }
    for (const d of deployments) {
      const env = this.#names.take(`deployment:${d.id}`, d.id);
      this.#say(1, `deployment view ${this.#names.take(`view:deployment:${d.id}`, `deployment-${d.id}`)} {`);
      this.#say(2, `include ${env}.**`);
      this.#say(1, '}');
    }
    this.#say(0, '}');
  }

  #say(depth: number, line: string): void {
    this.#lines.push(`${'  '.repeat(depth)}${line}`);
  }

  /** Opens an element's block, with its description and technology; the caller closes it. */
  #element(depth: number, key: string, kind: string, e: ExportedElement, parent?: string): string {
    const id = this.#names.take(key, e.id);
    this.#fqn.set(key, parent ? `${parent}.${id}` : id);
    this.#say(depth, `${id} = ${kind} ${quote(title(e))} {`);
    const description = e.data.description ?? e.data.responsibility;
    if (typeof description === 'string') this.#say(depth + 1, `description ${quote(description)}`);
    const technology = technologyOf(e);
    if (technology) this.#say(depth + 1, `technology ${quote(technology)}`);
    return id;
  }

  /** A service (with its components), event or resource inside the system or a domain. */
  #contained(depth: number, kind: string, e: ExportedElement, parent: string): void {
    const id = this.#element(depth, `${kind === 'service' || kind === 'event' ? kind : 'resource'}:${e.id}`, kind, e, parent);
    for (const c of kind === 'service' ? componentsOf(e) : []) {
      const cid = this.#names.take(`component:${e.id}/${c.id}`, c.id);
      this.#fqn.set(`component:${e.id}/${c.id}`, `${parent}.${id}.${cid}`);
      this.#say(depth + 1, `${cid} = component ${quote(c.name ?? c.id)}${c.technology ? ` { technology ${quote(c.technology)} }` : ''}`);
    }
    this.#say(depth, '}');
  }

  /** One relation, once: the same one from two sources of the model is written once. */
  #relation(from: string | undefined, to: string | undefined, label?: string, technology?: string): void {
    if (!from || !to || from === to) return;
    const line = `${from} -> ${to}${label ? ` ${quote(label)}` : ''}${technology ? ` { technology ${quote(technology)} }` : ''}`;
    if (this.#relations.has(line)) return;
    this.#relations.add(line);
    this.#say(1, line);
  }

  #node(depth: number, n: DeploymentNode, path: string): void {
    this.#say(depth, `${this.#names.take(`node:${path}/${n.id}`, n.id)} = node ${quote(n.name ?? n.id)} {`);
    if (n.technology) this.#say(depth + 1, `technology ${quote(n.technology)}`);
    for (const child of n.nodes ?? []) this.#node(depth + 1, child, `${path}/${n.id}`);
    for (const i of n.instances ?? []) {
      const target = i.service ? this.#fqn.get(`service:${i.service}`) : i.resource ? this.#fqn.get(`resource:${i.resource}`) : undefined;
      if (target) this.#say(depth + 1, `instanceOf ${target}`);
    }
    this.#say(depth, '}');
  }
}

function componentsOf(service: ExportedElement): readonly Component[] {
  return Array.isArray(service.data.components) ? (service.data.components as Component[]) : [];
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
