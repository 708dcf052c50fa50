/**
 * The shapes page functions return (see site.ts): text, links and badges, already worded,
 * ordered and linked. Templates lay them out and decide nothing.
 */

export interface Link {
  readonly text: string;
  readonly href: string;
}

/** A link to an element, with its kind as a reader names it (`Service`, `External system`). */
export interface ElementLink extends Link {
  readonly kind: string;
}

export type BadgeVariant = 'note' | 'tip' | 'success' | 'caution' | 'danger' | 'default';

export interface Badge {
  readonly text: string;
  readonly variant: BadgeVariant;
}

/** A section of a page, as its heading and table-of-contents entry. */
export interface Heading {
  readonly id: string;
  readonly title: string;
  readonly depth?: number;
}

/** A labelled value (`p99 latency`: `200ms`), the value already written as text. */
export interface Field {
  readonly label: string;
  readonly value: string;
  /** Where the glossary explains the label, on its first use on the page (see glossary.ts). */
  readonly term?: string | undefined;
}

/** What an element page puts in its head and around its content. */
export interface PageHead {
  readonly title: string;
  readonly description?: string | undefined;
  readonly editUrl?: string | undefined;
  readonly lastUpdated?: Date | undefined;
  /** The search facets of the page (kind, domain, team, technology, status), each value once, sorted. */
  readonly facets: readonly { readonly name: string; readonly value: string }[];
  readonly headings: readonly Heading[];
  /** Where the element stands, when not simply in use (planned, deprecated …), and what replaces it. */
  readonly lifecycle?: { readonly badge: Badge; readonly replacedBy?: ElementLink | undefined } | undefined;
  /**
   * The sections every element page closes with, only those with something to show: the
   * requirements it satisfies, the risks that threaten it, the flows it takes part in, what
   * points at it through linked fields (a constraint's `binds`), its template completeness
   * (services), and the latest commits that changed its file.
   */
  readonly sections: readonly TracedSection[];
}

export type TracedSection =
  | PageSection<'requirements', { readonly requirements: readonly Link[] }>
  | PageSection<'known-risks', { readonly risks: readonly { readonly link: Link; readonly rating: Badge }[] }>
  | PageSection<'flows', { readonly flows: readonly Link[] }>
  | PageSection<`linked-${string}`, { readonly linked: readonly ElementLink[] }>
  | PageSection<'completeness', { readonly percent: number; readonly missing: readonly string[] }>
  | PageSection<
      'what-changed',
      {
        readonly changes: readonly {
          readonly date: string;
          readonly subject: string;
          readonly what: string;
          readonly details: readonly string[];
        }[];
      }
    >;

/** A row of a table of calls: the element at the other end, and how. */
export interface CallRow {
  readonly target: ElementLink | { readonly text: string; readonly kind: string };
  readonly protocol: string;
  readonly description: string;
}

/** A decision in a list: its link, number, status and date. */
export interface DecisionItem {
  readonly link: Link;
  /** `ADR 6`, from the number the file name starts with. */
  readonly number?: string | undefined;
  readonly status: Badge;
  readonly date: string;
}

/** A section of a page: its anchor, its heading and what it holds. */
/** (Distributes over a union of ids: one member each, so that `sectionOf` finds each by its id.) */
export type PageSection<I extends string = string, T extends object = object> = I extends string
  ? { readonly id: I; readonly title: string } & T
  : never;

/**
 * A section when it has something to show, else none: spread into a page's list of sections,
 * which is both what the template lays out and the page's table of contents.
 */
export function section<const I extends string, T extends object>(
  id: I,
  title: string,
  shown: boolean,
  content: T,
): ({ readonly id: I; readonly title: string } & T)[] {
  return shown ? [{ id, title, ...content }] : [];
}

/** The headings of a page's sections, in order. */
export function sectionHeadings(sections: readonly PageSection[]): Heading[] {
  return sections.map(({ id, title }) => ({ id, title }));
}

/** A page's section by id, typed by it; undefined when the page does not show it. */
export function sectionOf<S extends PageSection, const I extends S['id']>(
  sections: readonly S[],
  id: I,
): Extract<S, { id: I }> | undefined {
  return sections.find((s): s is Extract<S, { id: I }> => s.id === id);
}
