import { fallsShort } from '../model/measures.ts';
import { bodyOf } from './body.ts';
import { fieldLabel } from './labels.ts';
import { linkTo, linksTo } from './links.ts';
import { elementHead } from './page-meta.ts';
import type { Site } from './site.ts';
import { section, sectionHeadings, type Badge, type ElementLink, type PageHead, type PageSection } from './view.ts';

export interface RequirementPage {
  readonly head: PageHead;
  readonly type: Badge;
  readonly priority: Badge;
  readonly status: Badge;
  readonly category?: string | undefined;
  readonly description?: string | undefined;
  readonly body?: string | undefined;
  /** What it asks and what is traced to it: only the sections with something to show. */
  readonly sections: readonly RequirementSection[];
}

export type RequirementSection =
  | PageSection<'story', { readonly story: string }>
  | PageSection<'acceptance', { readonly criteria: readonly string[] }>
  | PageSection<
      'target',
      {
        /** "p99 latency: 200 ms". */
        readonly target: string;
        /** Satisfying services whose own NFR falls short of the target, with what they declare. */
        readonly shortfalls: readonly { readonly service: ElementLink; readonly declared: string }[];
      }
    >
  | PageSection<'satisfied-by' | 'raised-by', { readonly elements: readonly ElementLink[] }>;

export const PRIORITY_BADGE: Readonly<Record<string, Badge>> = {
  must: { text: 'must', variant: 'danger' },
  should: { text: 'should', variant: 'caution' },
  could: { text: 'could', variant: 'note' },
  wont: { text: "won't", variant: 'default' },
};

export const REQUIREMENT_STATUS_BADGE: Readonly<Record<string, Badge>> = {
  proposed: { text: 'proposed', variant: 'note' },
  accepted: { text: 'accepted', variant: 'tip' },
  implemented: { text: 'implemented', variant: 'success' },
  verified: { text: 'verified', variant: 'success' },
  rejected: { text: 'rejected', variant: 'default' },
};

/** A requirement, what it asks, and what is traced to it. */
export function requirementPage(site: Site, id: string): RequirementPage {
  const { model } = site;
  const el = model.byKind.requirement.get(id);
  if (!el) throw new Error(`archsite: no requirement "${id}"`);
  const d = el.data;
  const satisfiers = model.relations.satisfiedBy.get(id) ?? [];
  const target = d.target;
  const shortfalls = target
    ? satisfiers.flatMap((ref) => {
        const service = ref.kind === 'service' ? model.byKind.service.get(ref.id) : undefined;
        const nfr = service?.data.nfr as Record<string, string | undefined> | undefined;
        const declared = nfr && Object.hasOwn(nfr, target.metric) ? nfr[target.metric] : undefined;
        const link = linkTo(site, ref);
        return link && declared !== undefined && fallsShort(target.metric, target, declared)
          ? [{ service: link, declared: `${target.metric}: ${declared}` }]
          : [];
      })
    : [];
  const satisfiedBy = linksTo(site, satisfiers);
  const raisedBy = linksTo(site, model.relations.raisedBy.get(id) ?? []);
  const sections: RequirementSection[] = [
    ...(d.story ? section('story', 'User story', true, { story: d.story }) : []),
    ...section('acceptance', 'Acceptance criteria', !!d.acceptance?.length, { criteria: d.acceptance ?? [] }),
    ...(target ? section('target', 'Target', true, { target: targetText(target), shortfalls }) : []),
    ...section('satisfied-by', 'Satisfied by', true, { elements: satisfiedBy }),
    ...section('raised-by', 'Raised by', raisedBy.length > 0, { elements: raisedBy }),
  ];
  return {
    head: elementHead(site, el, d.title, d.description ?? d.story, sectionHeadings(sections)),
    type: { text: d.type === 'functional' ? 'Functional' : 'Non-functional', variant: 'note' },
    priority: PRIORITY_BADGE[d.priority]!,
    status: REQUIREMENT_STATUS_BADGE[d.status]!,
    category: d.category,
    description: d.description,
    body: bodyOf(el),
    sections,
  };
}

/** A target in words: "p99 latency: 200 ms", "Availability: 99.95%". */
export function targetText(target: { metric: string; value: number; unit: string }): string {
  return `${fieldLabel(target.metric)}: ${target.value}${target.unit === '%' ? '' : ' '}${target.unit}`;
}
