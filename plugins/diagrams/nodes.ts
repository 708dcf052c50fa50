import { keyOf, type Element, type ElementRef, type Model } from '../model/model.ts';
import { displayName, serviceTypeLabel } from '../model/names.ts';
import type { FlowNode } from './flowchart.ts';
import type { ViewOptions } from './options.ts';

/** C4's `[Type: technology]` line of a service. */
export function serviceDetail(el: Element<'service'>): string {
  const tech = [el.data.stack?.language, el.data.stack?.framework].filter(Boolean).join(', ');
  const type = serviceTypeLabel(el.data.type);
  return tech ? `[${type}: ${tech}]` : `[${type}]`;
}

/**
 * A diagram node for an element, styled and labelled as C4 does: name, `[type: technology]`
 * and, where asked for, the description.
 */
export function elementNode(
  model: Model,
  ref: ElementRef,
  options: ViewOptions,
  extra: Partial<FlowNode> & { withDescription?: boolean } = {},
): FlowNode {
  const el = model.byKind[ref.kind].get(ref.id) as Element | undefined;
  const { withDescription = false, ...overrides } = extra;
  const base = { key: keyOf(ref), link: options.link(ref) };
  if (!el) return { ...base, name: ref.id, style: 'external', ...overrides };
  const node = styledNode(model, el, base, withDescription, overrides);
  // Where it stands, when not simply in use: said in its detail line; planned and proposed ones dashed.
  const lifecycle = (el.data as { readonly lifecycle?: string }).lifecycle;
  if (lifecycle === undefined || lifecycle === 'active') return node;
  const detail = node.detail ? `${node.detail.replace(/\]$/, '')}, ${lifecycle}]` : `[${lifecycle}]`;
  return { ...node, detail, ...(lifecycle === 'planned' || lifecycle === 'proposed' ? { planned: true } : {}) };
}

function styledNode(
  model: Model,
  el: Element,
  base: { key: string; link: string | undefined },
  withDescription: boolean,
  overrides: Partial<FlowNode>,
): FlowNode {
  switch (el.kind) {
    case 'person':
      return {
        ...base,
        name: el.data.name,
        detail: '[Person]',
        description: withDescription ? el.data.description : undefined,
        style: 'person',
        ...overrides,
      };
    case 'system':
      return {
        ...base,
        name: el.data.name,
        detail: '[External system]',
        description: withDescription ? el.data.description : undefined,
        style: 'external',
        ...overrides,
      };
    case 'service':
      return {
        ...base,
        name: el.data.name,
        detail: serviceDetail(el),
        description: withDescription ? el.data.responsibility : undefined,
        style: 'container',
        ...overrides,
      };
    case 'resource': {
      const category = model.relations.categories.get(el.id) ?? 'other';
      const kind = category.charAt(0).toUpperCase() + category.slice(1);
      return {
        ...base,
        name: el.data.name,
        detail: `[${kind}: ${el.data.technology ?? el.data.type}]`,
        description: withDescription ? el.data.description : undefined,
        style: category === 'queue' ? 'queue' : 'database',
        ...overrides,
      };
    }
    case 'event':
      return { ...base, name: el.id, detail: el.data.channel ? `[Event on ${el.data.channel}]` : '[Event]', style: 'event', ...overrides };
    case 'domain':
      return { ...base, name: el.data.name, detail: `[${el.data.type} domain]`, style: `domain-${el.data.type}`, ...overrides };
    default:
      return { ...base, name: displayName(el), style: 'container', ...overrides };
  }
}
