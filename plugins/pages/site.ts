import type { DiagramView, ViewName } from '../diagrams/index.ts';
import type { ApiDescription } from '../model/apis/api-description.ts';
import type { ContractVersion } from '../model/contract-versions.ts';
import type { Model } from '../model/model.ts';

/**
 * Everything a page can show, built once per build and handed to every page: the checked
 * model, the facts read beside it (git dates, the files the content points to), the base,
 * and the diagrams. Page functions (this folder) read only this object; the page cache
 * records each page's reads of it (see astro/page-cache/recording-site.ts), so a read of
 * anything else cannot go unrecorded.
 */
export interface Site {
  readonly model: Model;
  /** The base path the site is published under, ending with `/`. */
  readonly base: string;
  /** The day reviews fall due against, YYYY-MM-DD (`--today`, else the build's day): a review before it is past due. */
  readonly today: string;
  readonly git: SiteGit;
  /** The files the content points to (event schemas, API descriptions), read once by the check, by content path. */
  readonly files: ReadonlyMap<string, SiteFile>;
  /** Content paths of the files elements reference that are not elements (schemas, images): published under /files/. */
  readonly assets: readonly string[];
  readonly diagrams: SiteDiagrams;
  /** The content's history from git: what each commit added, removed and changed. */
  readonly history: SiteHistory;
}

export interface SiteHistory {
  /** Newest first. */
  readonly commits: readonly SiteCommit[];
  /** The commits that changed each content file, newest first: what an element's page shows. */
  readonly byPath: ReadonlyMap<string, readonly FileChange[]>;
  /** Why there is no history, when there is none. */
  readonly note?: string | undefined;
  /**
   * The earlier versions of each versioned contract, by element key (`event:order.created`,
   * `service:orders` for its OpenAPI description), newest first: only those with two or more.
   */
  readonly versions: ReadonlyMap<string, readonly ContractVersion[]>;
}

/** A commit as one file's history shows it. */
export interface FileChange {
  readonly date: string;
  readonly subject: string;
  readonly what: 'added' | 'removed' | 'renamed' | 'changed';
  readonly details: readonly string[];
}

export interface SiteCommit {
  readonly hash: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly subject: string;
  readonly changes: readonly {
    /** The content file. */
    readonly path: string;
    readonly kind: import('../model/kinds.ts').ElementKind;
    readonly what: 'added' | 'removed' | 'renamed' | 'changed';
    /** What changed in its fields, in the model's words (model/model-diff.ts): "status: proposed → accepted". */
    readonly details: readonly string[];
  }[];
}

export interface SiteGit {
  /** The repository's top folder; undefined outside git. */
  readonly top: string | undefined;
  /** When each content file was last committed, by content path (`services/a.yaml`). */
  readonly dates: ReadonlyMap<string, Date>;
  /** The branch checked out, for edit links where system.yaml names none; undefined on a detached head. */
  readonly branch?: string | undefined;
  /** The web address of the `origin` remote, for edit links where system.yaml names no repository. */
  readonly repository?: string | undefined;
}

export interface SiteFile {
  /** The file's text, without a byte order mark. */
  readonly text: string;
  /** The parsed JSON or YAML value; undefined for a .proto or GraphQL file. */
  readonly value: unknown;
  /** What an API description file describes, when it is one and it is valid. */
  readonly api?: ApiDescription | undefined;
}

/**
 * How a site's diagrams are drawn. `svg`: every one was rendered before the pages (a build);
 * `background`: they are being rendered while the dev server already answers, and a figure
 * whose SVG is not ready yet is drawn by the reader's browser meanwhile; `client`: every one is
 * drawn by the reader's browser (no Chromium at build time).
 */
export type DiagramMode = 'svg' | 'background' | 'client';

export interface SiteDiagrams {
  readonly mode: DiagramMode;
  /**
   * Every generated view of the site, built once, by `viewKey`: null where the model has
   * nothing to show for it (a service without components).
   */
  readonly views: ReadonlyMap<string, DiagramView | null>;
  /** The light and dark SVGs of a diagram's text, rendered before any page. */
  rendered(text: string): { readonly light: string; readonly dark: string } | undefined;
}

/** The key of a view in `SiteDiagrams.views`: `component:orders`, `context:`. */
export function viewKey(name: ViewName, of: string | undefined): string {
  return `${name}:${of ?? ''}`;
}
