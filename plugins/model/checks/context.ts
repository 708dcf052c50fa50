import type { ApiDescription } from '../apis/api-description.ts';
import type { CheckCache } from '../check-cache.ts';
import type { CheckStore } from '../check-store.ts';
import type { ContentFile, ContentRoot } from '../content-files.ts';
import type { Diagnostics } from '../diagnostics.ts';
import type { Model } from '../model.ts';
import type { InvalidElement, ParsedElement } from '../read-elements.ts';
import type { Locator } from '../yaml-position.ts';
import type { Occurrences } from '../resolve.ts';
import type { TeamRules } from './team-rules.ts';

/** What every model check gets. */
export interface CheckContext {
  readonly root: ContentRoot;
  readonly model: Model;
  readonly occurrences: Occurrences;
  /** Positions of system.yaml's fields. */
  readonly systemLocate: Locator;
  /** Parsed elements by key (`service:order-service`), for positions of their fields. */
  readonly parsed: ReadonlyMap<string, ParsedElement>;
  /** Elements that did not validate: they exist, but only their raw value is known. */
  readonly invalid: readonly InvalidElement[];
  /** Every file of the content folder, by path under it. */
  readonly files: ReadonlyMap<string, ContentFile>;
  readonly diagnostics: Diagnostics;
  /** Content paths of the files read as elements: no field or `$ref` may use one as an asset. */
  readonly elementFiles: ReadonlySet<string>;
  /** Content paths of non-element files that something references: these are assets. */
  readonly assets: Set<string>;
  /** The JSON and YAML files the content points to (schemas, API descriptions), parsed, by content path. */
  readonly documents: Map<string, ContentDocument>;
  /** What earlier runs read (`check --watch`): checks that read files read them through it. */
  readonly cache?: CheckCache | undefined;
  /** What earlier runs of `check` read, kept on disk: the API descriptions of unchanged files among it. */
  readonly store?: CheckStore | undefined;
  /** Today, YYYY-MM-DD, for reviews past due (`check --today`, else the clock); none, no such check. */
  readonly today?: string | undefined;
  /** The top folder of the git repository that holds the content, where it is in one: edit links point into it. */
  readonly gitTop?: string | undefined;
  /** The team's rules (archsite.rules.yaml), where it has written some. */
  readonly rules?: TeamRules | undefined;
}

/** A check over the resolved model. */
export type Check = (context: CheckContext) => void;

/** A file the content points to, as read and parsed by the check. */
export interface ContentDocument {
  /** The text, decoded (without a byte order mark). */
  readonly text: string;
  /** The parsed value of a JSON or YAML file; undefined for a .proto or GraphQL file. */
  readonly value: object | undefined;
  /** What an API description file describes, when it is one and it is valid (see checks/apis.ts). */
  readonly api?: ApiDescription | undefined;
}
