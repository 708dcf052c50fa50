import type { z } from 'zod';
import type { ComponentRef, ElementRef, ElementSource } from '../model.ts';
import type { MarkdownBody } from '../parse-source.ts';
import type { RelationBuilder } from '../relation-builder.ts';
import type { FieldPath, Locator } from '../yaml-position.ts';

/**
 * Everything the model knows about one element kind: where its files live, what it is called,
 * its schema, the references it makes, the relations it adds to the model and the file a new
 * element starts from. The page layer adds its own part (plugins/pages/kinds.ts); nothing here
 * knows about pages.
 */
export interface KindDefinition<K extends string = string, D = unknown> {
  /** The kind's name: the folder in the singular, and the prefix of a qualified reference (`service:orders`). */
  readonly kind: K;
  /** Where its files live under the content folder. */
  readonly folder: string;
  readonly label: string;
  readonly plural: string;
  /**
   * Its place in the sidebar: `position` orders the kinds (what stakeholders look for first
   * comes first); a `secondary` kind's group starts collapsed.
   */
  readonly sidebar: { readonly position: number; readonly secondary?: boolean };
  /** Markdown only (its prose is the element), or YAML and Markdown. */
  readonly markdownOnly?: boolean;
  readonly schema: z.ZodType<D>;
  /**
   * The fields that name other elements, by name, with the kinds each may point to. `resolve`
   * resolves each through `Resolver.ref`, which reports what does not resolve.
   */
  readonly references: Readonly<Record<string, ReferenceField>>;
  /** Resolves the element's references and adds what they mean to the model's relations. */
  readonly resolve?: (el: ResolvingElement<K, D>, r: Resolver) => void;
  /** The file `npm run new` writes: every section present, what it needs to check clean filled in. */
  readonly scaffold: Scaffold;
}

/**
 * A reference field: the kinds it may point to (`'any'`: every kind) and what it is to a reader.
 * The kinds are names, not `ElementKind`, which is computed from the definitions: the registry
 * checks them when it loads (kinds.ts).
 */
export interface ReferenceField {
  readonly kinds: readonly string[] | 'any';
  /** What the field is to a reader, in a message: `dependency`, `owner`, `consumed event`. */
  readonly role: string;
  /**
   * Makes the field linked: what it resolves to is kept in the model's `links`, and each target
   * knows who points at it (`linkedFrom`) under this name, which its page shows as a section:
   * `Constraints`. A new kind's references need nothing else to be seen from both ends.
   */
  readonly inverse?: string;
}

/** An element being resolved: as read from its file, its fields validated. */
export interface ResolvingElement<K extends string = string, D = unknown> {
  readonly kind: K;
  readonly id: string;
  readonly data: D;
  readonly source: ElementSource;
  readonly body?: MarkdownBody;
  readonly locate: Locator;
}

/** What a kind's `resolve` is handed: reference resolution, bound to the element, and the relations under construction. */
export interface Resolver {
  /** The element being resolved. */
  readonly self: ElementRef;
  /**
   * Resolves the reference `raw`, written at `path`, of the declared reference field `field`.
   * What does not resolve is reported (with a "did you mean") and gives undefined.
   */
  ref(field: string, path: FieldPath, raw: string): ElementRef | undefined;
  /** As `ref`, where the service's own components may be named too. */
  refOrComponent(
    field: string,
    path: FieldPath,
    raw: string,
    components: ReadonlySet<string>,
    role: string,
  ): ElementRef | ComponentRef | undefined;
  /** Records a resolved reference, with where it was written, for the checks that point at it. */
  occurrence(list: OccurrenceList, path: FieldPath, target: ElementRef): void;
  /** Records an entity named by a service, with where it was written. */
  entity(path: FieldPath, name: string): void;
  readonly relations: RelationBuilder;
}

/** The lists of written references that checks look at (see resolve.ts). */
export type OccurrenceList = 'publishes' | 'consumes' | 'stores' | 'dependencies' | 'supersedes';

/** A new element's file. */
export interface Scaffold {
  readonly extension: 'yaml' | 'md';
  readonly text: (c: ScaffoldContext) => string;
}

/** What a new element's file fills in: its name, and existing ids to reference. */
export interface ScaffoldContext {
  /** A readable name made from the id: `payment-service` → `Payment Service`. */
  readonly name: string;
  /** An existing domain, team and service to point at, so the new file checks clean. */
  readonly domain?: string | undefined;
  readonly team?: string | undefined;
  readonly service?: string | undefined;
  /** Today, YYYY-MM-DD, for a decision's date. */
  readonly today: string;
}

/** Declares a kind, inferring its name and the type of its fields from the definition. */
export function defineKind<const K extends string, D>(definition: KindDefinition<K, D>): KindDefinition<K, D> {
  return definition;
}

/** JSON-quotes text for a YAML scaffold. */
export const quote = (text: string): string => JSON.stringify(text);

/** A scaffold's owner line: the first team, or a comment saying what goes there. */
export const ownerLine = (c: ScaffoldContext): string => (c.team ? `owner: ${c.team}` : '# owner: <team id>');
