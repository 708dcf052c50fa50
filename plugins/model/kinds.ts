import { constraint } from './kinds/constraint.ts';
import { decision } from './kinds/decision.ts';
import type { KindDefinition } from './kinds/define.ts';
import { deployment } from './kinds/deployment.ts';
import { doc } from './kinds/doc.ts';
import { domain } from './kinds/domain.ts';
import { event } from './kinds/event.ts';
import { flow } from './kinds/flow.ts';
import { person } from './kinds/person.ts';
import { requirement } from './kinds/requirement.ts';
import { resource } from './kinds/resource.ts';
import { risk } from './kinds/risk.ts';
import { role } from './kinds/role.ts';
import { service } from './kinds/service.ts';
import { stakeholder } from './kinds/stakeholder.ts';
import { externalSystem } from './kinds/system.ts';
import { team } from './kinds/team.ts';

/**
 * The element kinds of the content model, in the order the site lists them: each one's
 * definition (kinds/<kind>.ts) holds everything the model knows about it. A new kind is a
 * definition and a line here; the page layer's registry (pages/kinds.ts) must then follow,
 * or the build does not compile.
 */
export const KIND_DEFINITIONS = {
  person,
  system: externalSystem,
  team,
  domain,
  service,
  resource,
  event,
  deployment,
  decision,
  doc,
  stakeholder,
  requirement,
  risk,
  role,
  flow,
  constraint,
} as const;

export type ElementKind = keyof typeof KIND_DEFINITIONS;

/** The fields of each kind, as its schema gives them. */
export type KindData = {
  [K in ElementKind]: (typeof KIND_DEFINITIONS)[K] extends KindDefinition<K, infer D> ? D : never;
};

/** Any kind's definition. */
export type AnyKindDefinition = (typeof KIND_DEFINITIONS)[ElementKind];

/** The kinds' definitions, in order. */
export const KINDS: readonly AnyKindDefinition[] = Object.values(KIND_DEFINITIONS);

export const KIND_NAMES: readonly ElementKind[] = KINDS.map((k) => k.kind);

// Each definition under its own name; reference fields name kinds as text (typing them would
// make the registry's type circular): each must be registered. A mistake here is archsite's, at load.
for (const [name, definition] of Object.entries(KIND_DEFINITIONS)) {
  if (name !== definition.kind) throw new Error(`the registry holds the kind '${definition.kind}' under '${name}'`);
  for (const [field, { kinds }] of Object.entries(definition.references)) {
    for (const kind of kinds === 'any' ? [] : kinds) {
      if (!Object.hasOwn(KIND_DEFINITIONS, kind)) throw new Error(`${definition.kind}.${field} names '${kind}', which is no kind`);
    }
  }
}

const byFolder = new Map(KINDS.map((k) => [k.folder, k.kind]));

/** The kind whose files live in `folder` (the first path segment under the content folder). */
export function kindOfFolder(folder: string): ElementKind | undefined {
  return byFolder.get(folder);
}

/** A kind's definition. */
export function kindInfo<K extends ElementKind>(kind: K): (typeof KIND_DEFINITIONS)[K] {
  return KIND_DEFINITIONS[kind];
}

export function isKind(value: string): value is ElementKind {
  return Object.hasOwn(KIND_DEFINITIONS, value);
}

/** Lists kinds for a message: `a service, resource or external system`. */
export function describeKinds(kinds: readonly ElementKind[]): string {
  const names = kinds.map((k) => kindInfo(k).label.toLowerCase());
  const first = names[0] ?? 'element';
  const article = /^[aeiou]/.test(first) ? 'an' : 'a';
  if (names.length <= 1) return `${article} ${first}`;
  return `${article} ${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
