import { compare } from './diagnostics.ts';
import type { ElementKind } from './kinds.ts';
import type { Element, Model } from './model.ts';
import { displayName } from './names.ts';

/** One element's change between two versions of a model, in the words of the content model. */
export interface ModelChange {
  /** The element's kind; `system` for system.yaml. */
  readonly kind: ElementKind | 'system';
  /** The element's id in the newer model (in the older one, for a removed element). */
  readonly id: string;
  readonly name: string;
  readonly what: 'added' | 'removed' | 'renamed' | 'changed';
  /** For a renamed element: its id before. */
  readonly from?: string | undefined;
  /** What changed in its fields: "owner: payments-team → checkout-team", "dependencies: + billing, − stock". */
  readonly details: readonly string[];
}

/** Text longer than this is said to have changed, not quoted. */
const QUOTED = 60;

/** Fields that name an item of a list, in the order they are looked for: a dependency by its target, a step by its from and to. */
const ITEM_NAMES = ['target', 'event', 'id', 'service', 'resource', 'name', 'title', 'indicator', 'entity', 'path', 'risk'] as const;

/**
 * What changed between two versions of one element's fields, a line each, in the words of
 * the content model: a value `status: proposed → accepted`; a list by what its items name
 * `dependencies: + billing, − stock`; a mapping field by field `nfr.availability: 99.9% → 99.95%`;
 * long text only `description: changed`. Fields in the newer version's order, then those removed.
 */
export function diffFields(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>, prefix = ''): string[] {
  const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !Object.hasOwn(after, k))].filter((k) => k !== 'id');
  const lines: string[] = [];
  for (const key of keys) {
    const a = Object.hasOwn(before, key) ? before[key] : undefined;
    const b = Object.hasOwn(after, key) ? after[key] : undefined;
    if (same(a, b)) continue;
    const field = `${prefix}${key}`;
    if (Array.isArray(a) || Array.isArray(b)) lines.push(...listChange(field, asList(a), asList(b)));
    else if (isRecord(a) && isRecord(b) && prefix === '') lines.push(...diffFields(a, b, `${field}.`));
    else lines.push(valueChange(field, a, b));
  }
  return lines;
}

/**
 * Every element added, removed, renamed or changed from `before` to `after`, by kind then id.
 * An element is renamed where its id changed and nothing else did, or where it kept its file
 * and changed its id (`id:` written in the file).
 */
export function diffModels(before: Model, after: Model): ModelChange[] {
  const key = (el: Element) => `${el.kind}:${el.id}`;
  const old = new Map(before.elements.map((el) => [key(el), el]));
  const now = new Map(after.elements.map((el) => [key(el), el]));
  const removed = [...old.values()].filter((el) => !now.has(key(el)));
  const added = [...now.values()].filter((el) => !old.has(key(el)));
  const changes: ModelChange[] = [];
  // A removed element matched once at most: by its file, else by the same fields.
  const renamedFrom = new Map<Element, Element>();
  const taken = new Set<Element>();
  const fieldsOf = new Map(removed.map((r) => [r, JSON.stringify(withoutId(r.data))]));
  for (const el of added) {
    const fields = JSON.stringify(withoutId(el.data));
    const was =
      removed.find((r) => r.kind === el.kind && !taken.has(r) && r.source.path === el.source.path) ??
      removed.find((r) => r.kind === el.kind && !taken.has(r) && fieldsOf.get(r) === fields);
    if (was) {
      renamedFrom.set(el, was);
      taken.add(was);
    }
  }
  for (const el of added) {
    const was = renamedFrom.get(el);
    if (was) {
      const details = diffFields(was.data as Record<string, unknown>, el.data as Record<string, unknown>);
      changes.push({ kind: el.kind, id: el.id, name: displayName(el), what: 'renamed', from: was.id, details });
    } else changes.push({ kind: el.kind, id: el.id, name: displayName(el), what: 'added', details: [] });
  }
  for (const el of removed)
    if (!taken.has(el)) changes.push({ kind: el.kind, id: el.id, name: displayName(el), what: 'removed', details: [] });
  for (const [k, el] of now) {
    const was = old.get(k);
    if (!was) continue;
    const details = diffFields(was.data as Record<string, unknown>, el.data as Record<string, unknown>);
    if (details.length > 0) changes.push({ kind: el.kind, id: el.id, name: displayName(el), what: 'changed', details });
  }
  const system = diffFields(before.system.data as Record<string, unknown>, after.system.data as Record<string, unknown>);
  if (system.length > 0) changes.push({ kind: 'system', id: 'system', name: after.system.data.name, what: 'changed', details: system });
  return changes.sort((a, b) => compare(a.kind, b.kind) || compare(a.id, b.id));
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function withoutId(data: unknown): unknown {
  if (!isRecord(data)) return data;
  const { id: _id, ...rest } = data;
  return rest;
}

/** A value as the content model writes it, quoted whole when short. */
function shown(value: unknown): string | undefined {
  if (value === undefined || value === null) return '—';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > QUOTED || text.includes('\n') ? undefined : text;
}

function valueChange(field: string, a: unknown, b: unknown): string {
  const from = shown(a);
  const to = shown(b);
  if (a === undefined && to !== undefined) return `${field}: set to ${to}`;
  if (b === undefined) return `${field}: removed`;
  return from === undefined || to === undefined ? `${field}: changed` : `${field}: ${from} → ${to}`;
}

/** What an item of a list names: itself, or its naming field (a step: "from → to"). */
function itemName(item: unknown): string {
  if (!isRecord(item)) return shown(item) ?? JSON.stringify(item);
  if (typeof item.from === 'string' && typeof item.to === 'string') return `${item.from} → ${item.to}`;
  for (const field of ITEM_NAMES) if (typeof item[field] === 'string' || typeof item[field] === 'number') return String(item[field]);
  return shown(item) ?? 'an item';
}

function listChange(field: string, a: readonly unknown[], b: readonly unknown[]): string[] {
  const before = new Map(a.map((item) => [itemName(item), item]));
  const after = new Map(b.map((item) => [itemName(item), item]));
  const parts = [
    ...[...after.keys()].filter((n) => !before.has(n)).map((n) => `+ ${n}`),
    ...[...before.keys()].filter((n) => !after.has(n)).map((n) => `− ${n}`),
    ...[...after.keys()].filter((n) => before.has(n) && !same(before.get(n), after.get(n))).map((n) => `${n} changed`),
  ];
  // Only the order changed.
  if (parts.length === 0) return [`${field}: reordered`];
  return [`${field}: ${parts.join(', ')}`];
}
