import { stringify } from 'yaml';
import { kindInfo, type ElementKind } from '../../model/kinds.ts';

/** An element an importer would write: its fields in the order a reader expects them, and what the user should know. */
export interface Draft {
  readonly kind: ElementKind;
  readonly id: string;
  readonly data: Record<string, unknown>;
  /** What the importer worked out rather than read (`type: gateway, from its name`). */
  readonly inferred: readonly string[];
  /** What the source could not say, for the user to fill in. */
  readonly left: readonly string[];
}

/** A file copied into the content beside the element that names it: an OpenAPI or AsyncAPI description. */
export interface Asset {
  /** Its path under the content folder. */
  readonly path: string;
  readonly text: string;
}

/** What an import would write into the content folder. */
export interface ImportPlan {
  /** What was imported, as the header of every file says: `compose file deploy/docker-compose.yml`. */
  readonly origin: string;
  /** The system's name and description, for a content folder that has no system.yaml yet. */
  readonly system: { readonly name: string; readonly description: string };
  readonly drafts: readonly Draft[];
  readonly assets: readonly Asset[];
  /** What the importer saw and did not import, for the summary. */
  readonly notes: readonly string[];
}

/** Where a draft is written: `services/cart.yaml`. */
export function draftPath(draft: Pick<Draft, 'kind' | 'id'>): string {
  return `${kindInfo(draft.kind).folder}/${draft.id}.yaml`;
}

/**
 * A draft as its file: a header that says where it came from and what is left to fill in,
 * then its fields. The header's lines are comments, so the file checks as its fields do.
 */
export function draftText(draft: Draft, origin: string): string {
  const header = [
    `# Imported by archsite from ${origin}.`,
    ...(draft.inferred.length > 0 ? ['# Inferred, to confirm:', ...draft.inferred.map((line) => `#   - ${line}`)] : []),
    ...(draft.left.length > 0 ? ['# Left to you:', ...draft.left.map((line) => `#   - ${line}`)] : []),
  ].map((line) => line.replace(/[\r\n]+/g, ' '));
  return `${header.join('\n')}\n${stringify(draft.data, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

/**
 * An id made from a name: `Streetlights Kafka API` → `streetlights-kafka-api`, and with
 * `camel`, `lightMeasured` → `light-measured`; undefined when nothing is left.
 */
export function idFrom(name: string, { camel = false }: { camel?: boolean } = {}): string | undefined {
  const id = (camel ? name.replace(/([a-z0-9])([A-Z])/g, '$1-$2') : name)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .replace(/-{2,}/g, '-')
    .slice(0, 100);
  return /[a-z0-9]/.test(id) ? id : undefined;
}

/** An id not yet taken among `taken` (which it joins): `orders`, then `orders-2` … */
export function freeId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 95)}-${n}`;
  taken.add(id);
  return id;
}

/**
 * The domain imported services go into until the user sorts them: `imported`, drafted the
 * first time and used as it is by every later import.
 */
export function importedDomain(domains: ReadonlySet<string>, from: string): { id: string; draft?: Draft } {
  if (domains.has('imported')) return { id: 'imported' };
  return {
    id: 'imported',
    draft: {
      kind: 'domain',
      id: 'imported',
      data: {
        name: 'Imported',
        type: 'supporting',
        description: `Services imported by archsite (first from ${from}), until each is moved to the bounded context it belongs to.`,
      },
      inferred: [],
      left: ['move each imported service to its domain, then remove this one'],
    },
  };
}
