import type { Position } from './diagnostics.ts';
import type { ElementKind, KindData } from './kinds.ts';
import type { MarkdownBody } from './parse-source.ts';
import type { Lifecycle } from './schemas/common.ts';
import type { ResourceCategory } from './schemas/resource.ts';
import type { SystemData } from './schemas/system.ts';

export type { KindData } from './kinds.ts';

/** Where an element was written. */
export interface ElementSource {
  /** Path as diagnostics print it (relative to the working directory). */
  readonly file: string;
  /** Path under the content folder: `services/order-service.yaml`. */
  readonly path: string;
  /** Where the element's fields start. */
  readonly start: Position;
  /** True when the file holds several elements. */
  readonly multi: boolean;
}

/** Names an element: its kind and id. */
export interface ElementRef {
  readonly kind: ElementKind;
  readonly id: string;
}

/** One element of the model, with its validated fields. */
export type Element<K extends ElementKind = ElementKind> = {
  [P in K]: {
    readonly kind: P;
    readonly id: string;
    readonly data: KindData[P];
    readonly source: ElementSource;
    /** Prose of a Markdown element. */
    readonly body?: MarkdownBody;
  };
}[K];

/** A component of a service, as a reference target. */
export interface ComponentRef {
  readonly kind: 'component';
  readonly service: string;
  readonly id: string;
}

/** What a reference field can resolve to. */
export type Target = ElementRef | ComponentRef;

/** A synchronous call or use: from a service's `dependencies`, or a person's or system's `uses`. */
export interface Call {
  readonly from: ElementRef;
  readonly to: ElementRef;
  readonly protocol?: string | undefined;
  readonly description?: string | undefined;
  /** Where the call itself stands, where not simply in use: a planned call (see model-states.ts). */
  readonly lifecycle?: Lifecycle | undefined;
}

/** Where a service or resource runs. */
export interface Placement {
  readonly deployment: string;
  /** The nodes from the outermost to the one holding the instance. */
  readonly nodes: readonly { readonly id: string; readonly name: string; readonly technology?: string | undefined }[];
  readonly replicas?: number | undefined;
}

/** How a service uses a resource. */
export interface ResourceUse {
  readonly service: string;
  readonly via: 'store' | 'dependency' | 'component' | 'broker';
  /** For `broker`: the event carried. For `component`: the component. */
  readonly detail?: string | undefined;
}

/**
 * Relations computed from the whole model. Every list is sorted; every id in it exists.
 * Maps are keyed by element key (`service:order-service`) or, where the kind is implied by
 * the name, by id.
 */
/** A relation between two entities, as a service declares it (`data.relations[index]`). */
export interface EntityRelation {
  readonly from: string;
  readonly to: string;
  readonly cardinality: '1:1' | '1:N' | 'N:1' | 'N:M';
  readonly label?: string | undefined;
  readonly service: string;
  readonly index: number;
}

export interface Relations {
  /** Outgoing synchronous calls of services, people and external systems, by element key. */
  readonly calls: ReadonlyMap<string, readonly Call[]>;
  /** Incoming calls, by element key of the callee. */
  readonly callers: ReadonlyMap<string, readonly Call[]>;
  /** Services that publish each event, by event id. */
  readonly producers: ReadonlyMap<string, readonly string[]>;
  /** Services that consume each event, by event id. */
  readonly consumers: ReadonlyMap<string, readonly string[]>;
  /** Where services and resources run, by element key. */
  readonly placements: ReadonlyMap<string, readonly Placement[]>;
  /** Decisions that affect each element, by element key. */
  readonly decisions: ReadonlyMap<string, readonly string[]>;
  /** Elements each decision affects, by decision id. */
  readonly affects: ReadonlyMap<string, readonly ElementRef[]>;
  /** Decisions that supersede each decision, by decision id. */
  readonly supersededBy: ReadonlyMap<string, readonly string[]>;
  /** The service that owns each entity, by entity name. */
  readonly entityOwners: ReadonlyMap<string, string>;
  /** Entity relations by each entity they join. */
  readonly entityRelations: ReadonlyMap<string, readonly EntityRelation[]>;
  /** How services use each resource, by resource id. */
  readonly resourceUsers: ReadonlyMap<string, readonly ResourceUse[]>;
  /** The category of each resource, by resource id. */
  readonly categories: ReadonlyMap<string, ResourceCategory>;
  /** Services of each domain, by domain id. */
  readonly domainServices: ReadonlyMap<string, readonly string[]>;
  /** Events published by each domain's services, by domain id. */
  readonly domainEvents: ReadonlyMap<string, readonly string[]>;
  /** What each team owns (system root excluded), by team id. */
  readonly owned: ReadonlyMap<string, readonly ElementRef[]>;
  /** What each component uses, by `service/component`. */
  readonly componentUses: ReadonlyMap<string, readonly Target[]>;
  /** By requirement id, the elements that satisfy it. */
  readonly satisfiedBy: ReadonlyMap<string, readonly ElementRef[]>;
  /** By element key, the requirements it satisfies. */
  readonly requirements: ReadonlyMap<string, readonly string[]>;
  /** By requirement id, the stakeholders (people, teams) who raised it. */
  readonly raisedBy: ReadonlyMap<string, readonly ElementRef[]>;
  /** By risk id, the elements it threatens; by element key, its risks. */
  readonly riskAffects: ReadonlyMap<string, readonly ElementRef[]>;
  readonly risks: ReadonlyMap<string, readonly string[]>;
  /** By risk id, who answers for it (a team or a person). */
  readonly riskOwners: ReadonlyMap<string, ElementRef>;
  /** By role id, what it may do with each element, by the element's reference order. */
  readonly permissions: ReadonlyMap<string, readonly Permission[]>;
  /** By flow id, its steps whose sender and receiver resolved, in order; by element key, the flows it takes part in. */
  readonly flowSteps: ReadonlyMap<string, readonly FlowStep[]>;
  readonly flows: ReadonlyMap<string, readonly string[]>;
  /** By stakeholder id, the people and teams who speak for it. */
  readonly represents: ReadonlyMap<string, readonly ElementRef[]>;
  /** By element key, what its linked fields (reference fields that declare an inverse) point at, as written. */
  readonly links: ReadonlyMap<string, readonly LinkedRef[]>;
  /** By element key, the elements whose linked fields point at it, by the fields' inverse, then by kind and id. */
  readonly linkedFrom: ReadonlyMap<string, readonly Referrer[]>;
}

/** A reference through a linked field: one that declares an inverse (see kinds/define.ts). */
export interface LinkedRef {
  readonly field: string;
  readonly target: ElementRef;
}

/** An element pointing at another through a linked field, under the field's inverse: `Constraints`. */
export interface Referrer {
  readonly inverse: string;
  readonly from: ElementRef;
}

/** A role's access to an element: CRUD letters, or `-`. */
export interface Permission {
  readonly target: ElementRef;
  readonly access: string;
}

export interface FlowStep {
  readonly from: ElementRef;
  readonly to: ElementRef;
  readonly message: string;
  readonly reply: boolean;
}

/** The whole checked architecture: what the site and diagrams read, and nothing else. */
export interface Model {
  /** Absolute path of the content folder. */
  readonly contentDir: string;
  readonly system: { readonly data: SystemData; readonly source: ElementSource; readonly body?: MarkdownBody };
  /** Every element, sorted by kind (in the order of the registry, kinds.ts) and id. */
  readonly elements: readonly Element[];
  /** Elements of one kind, by id, in id order. */
  readonly byKind: { readonly [K in ElementKind]: ReadonlyMap<string, Element<K>> };
  readonly relations: Relations;
}

/** `service:order-service`: an element's key, unique across kinds. */
export function keyOf(ref: ElementRef | ComponentRef): string {
  return ref.kind === 'component' ? `component:${ref.service}/${ref.id}` : `${ref.kind}:${ref.id}`;
}

/** Looks an element up by kind and id. */
export function getElement<K extends ElementKind>(model: Model, kind: K, id: string): Element<K> | undefined {
  return model.byKind[kind].get(id);
}
