import type { DiagramView } from '../diagrams/index.ts';
import { kindInfo } from '../model/kinds.ts';
import { bodyOf } from './body.ts';
import { viewOf } from './diagram.ts';
import { linkTo } from './links.ts';
import { elementHead } from './page-meta.ts';
import type { Site } from './site.ts';
import { section, sectionHeadings, type ElementLink, type PageHead, type PageSection } from './view.ts';

export interface FlowPage {
  readonly head: PageHead;
  readonly description?: string | undefined;
  readonly body?: string | undefined;
  readonly diagram: DiagramView | null;
  /** Only the sections with something to show. */
  readonly sections: readonly FlowSection[];
}

export type FlowSection = PageSection<
  'steps',
  { readonly steps: readonly { readonly from: ElementLink; readonly to: ElementLink; readonly message: string; readonly reply: boolean }[] }
>;

/** A flow: its sequence diagram and its steps, each end linked to its page. */
export function flowPage(site: Site, id: string): FlowPage {
  const el = site.model.byKind.flow.get(id);
  if (!el) throw new Error(`archsite: no flow "${id}"`);
  const end = (ref: { kind: Parameters<typeof kindInfo>[0]; id: string }): ElementLink =>
    linkTo(site, ref) ?? { text: ref.id, href: '#', kind: kindInfo(ref.kind).label };
  const steps = (site.model.relations.flowSteps.get(id) ?? []).map((s) => ({
    from: end(s.from),
    to: end(s.to),
    message: s.message,
    reply: s.reply,
  }));
  const sections: FlowSection[] = section('steps', 'Steps', steps.length > 0, { steps });
  return {
    head: elementHead(site, el, el.data.title, el.data.description, sectionHeadings(sections)),
    description: el.data.description,
    body: bodyOf(el),
    diagram: viewOf(site, 'flow', id),
    sections,
  };
}
