/**
 * The element kinds of the content model, in the order the site lists them.
 *
 * A kind's `folder` is where its files live under the content folder; its name is the
 * folder name in the singular, which is also the prefix of a qualified reference
 * (`service:orders`).
 */
export const KINDS = [
  { kind: 'person', folder: 'people', label: 'Person', plural: 'People' },
  { kind: 'system', folder: 'systems', label: 'External system', plural: 'External systems' },
  { kind: 'team', folder: 'teams', label: 'Team', plural: 'Teams' },
  { kind: 'domain', folder: 'domains', label: 'Domain', plural: 'Domains' },
  { kind: 'service', folder: 'services', label: 'Service', plural: 'Services' },
  { kind: 'resource', folder: 'resources', label: 'Resource', plural: 'Resources' },
  { kind: 'event', folder: 'events', label: 'Event', plural: 'Events' },
  { kind: 'deployment', folder: 'deployments', label: 'Deployment', plural: 'Deployments' },
  { kind: 'decision', folder: 'decisions', label: 'Decision', plural: 'Decisions' },
  { kind: 'doc', folder: 'docs', label: 'Page', plural: 'Pages' },
  { kind: 'stakeholder', folder: 'stakeholders', label: 'Stakeholder', plural: 'Stakeholders' },
  { kind: 'requirement', folder: 'requirements', label: 'Requirement', plural: 'Requirements' },
  { kind: 'risk', folder: 'risks', label: 'Risk', plural: 'Risks' },
  { kind: 'role', folder: 'roles', label: 'Role', plural: 'Roles' },
  { kind: 'flow', folder: 'flows', label: 'Flow', plural: 'Flows' },
] as const;

export type ElementKind = (typeof KINDS)[number]['kind'];

export const KIND_NAMES: readonly ElementKind[] = KINDS.map((k) => k.kind);

const byKind = new Map(KINDS.map((k) => [k.kind as ElementKind, k]));
const byFolder = new Map(KINDS.map((k) => [k.folder as string, k]));

/** The kind whose files live in `folder` (the first path segment under the content folder). */
export function kindOfFolder(folder: string): ElementKind | undefined {
  return byFolder.get(folder)?.kind;
}

export function kindInfo(kind: ElementKind): (typeof KINDS)[number] {
  return byKind.get(kind)!;
}

export function isKind(value: string): value is ElementKind {
  return byKind.has(value as ElementKind);
}

/** Lists kinds for a message: `a service, resource or external system`. */
export function describeKinds(kinds: readonly ElementKind[]): string {
  const names = kinds.map((k) => kindInfo(k).label.toLowerCase());
  const first = names[0] ?? 'element';
  const article = /^[aeiou]/.test(first) ? 'an' : 'a';
  if (names.length <= 1) return `${article} ${first}`;
  return `${article} ${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
