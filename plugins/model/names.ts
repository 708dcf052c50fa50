import { kindInfo } from './kinds.ts';
import type { Element, ElementRef, Model } from './model.ts';
import type { ServiceType } from './schemas/service.ts';

/** A service's type as readers name it: the same in pages, tables and diagrams. */
const SERVICE_TYPE_LABEL: ReadonlyMap<ServiceType, string> = new Map([
  ['service', 'Service'],
  ['web-app', 'Web app'],
  ['mobile-app', 'Mobile app'],
  ['gateway', 'API gateway'],
  ['worker', 'Worker'],
  ['function', 'Function'],
]);

export function serviceTypeLabel(type: ServiceType | undefined): string {
  return SERVICE_TYPE_LABEL.get(type ?? 'service')!;
}

/** An ADR's number, from the digits its id starts with (`0006-grpc` → 6). */
export function adrNumber(id: string): number | undefined {
  const digits = /^(\d{1,6})(?:[-_.]|$)/.exec(id)?.[1];
  return digits === undefined ? undefined : Number(digits);
}

/** What a reader calls an element: its title, for the kinds that have one (decisions, pages, requirements …), else its name. */
export function displayName(el: Element): string {
  return 'title' in el.data ? el.data.title : el.data.name;
}

/** The display name of a referenced element, or its id when it is not in the model. */
export function nameOf(model: Model, ref: ElementRef): string {
  const el = model.byKind[ref.kind].get(ref.id) as Element | undefined;
  return el ? displayName(el) : ref.id;
}

/** `Service`, `External system` ... */
export function kindLabel(ref: ElementRef): string {
  return kindInfo(ref.kind).label;
}

/** A one-line summary of an element, for meta descriptions and tables. */
export function summaryOf(el: Element): string | undefined {
  switch (el.kind) {
    case 'service':
      return el.data.responsibility;
    case 'decision':
      return el.data.purpose;
    default:
      return el.data.description;
  }
}

/** A readable name made from an id or a host name: `payment-service` → `Payment Service`. */
export function nameFromId(id: string): string {
  return id
    .split(/[-_.]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
