import path from 'node:path';
import { siteViews } from '../diagrams/views.ts';
import { viewOptions } from '../diagrams/options.ts';
import { kindInfo, isKind } from '../model/kinds.ts';
import { compare, printable } from '../model/diagnostics.ts';
import { githubData, githubProperty, markdownText } from '../model/format.ts';
import { keyOf, type Element, type ElementRef, type Model } from '../model/model.ts';
import { diffModels, type ModelChange } from '../model/model-diff.ts';
import { namedFile, openApiVersion } from '../model/named-file.ts';
import { displayName, nameOf } from '../model/names.ts';
import { diffRelations, type RelationDiff, type RelationLine } from '../model/relation-diff.ts';
import type { LoadResult } from '../model/load.ts';
import type { BaseModel } from './base-model.ts';

/** What the working tree changes in the architecture, against a base revision (`check --base`). */
export interface ChangeReport {
  readonly base: { readonly ref: string; readonly commit: string };
  readonly changes: readonly ModelChange[];
  readonly relations: RelationDiff;
  /** The diagrams whose text changed, added or gone, by title. */
  readonly diagrams: { readonly changed: readonly string[]; readonly added: readonly string[]; readonly removed: readonly string[] };
  /** Said when there is nothing to diff against: no content at the base, or content that did not check. */
  readonly note?: string | undefined;
  /** What readers call each element named, by key: in the working tree, else (removed) at the base. */
  readonly names: ReadonlyMap<string, string>;
}

/**
 * The diff of the working tree's model against the base's: elements, relations and, when
 * asked (drawing every view of both models takes a while), the diagrams that read differently.
 */
export function changeReport(
  base: BaseModel,
  head: Model,
  options: { diagrams: boolean; documents?: LoadResult['documents'] } = { diagrams: true },
): ChangeReport {
  const header = { ref: base.ref, commit: base.commit };
  const none = { added: [], removed: [] };
  if (!base.model) {
    const note = base.empty
      ? `There is no content folder at ${base.ref}: everything here is new.`
      : `The content at ${base.ref} does not check (its system.yaml is missing or broken): there is nothing to compare with.`;
    const added = base.empty
      ? head.elements.map((el) => ({ kind: el.kind, id: el.id, name: nameOf(head, el), what: 'added' as const, details: [] }))
      : [];
    return { base: header, changes: added, relations: none, diagrams: { changed: [], ...none }, note, names: namesOf(head) };
  }
  return {
    base: header,
    changes: withContractFiles(diffModels(base.model, head), base, head, options.documents),
    relations: diffRelations(base.model, head),
    diagrams: options.diagrams ? diagramChanges(base.model, head) : { changed: [], ...none },
    names: namesOf(base.model, head),
  };
}

/**
 * The changes, with the contract files that changed beside unchanged elements: an event's
 * schema file, a service's OpenAPI, .proto or GraphQL file, said as a change of the field that
 * names it (`apis.openapi: orders.openapi.yaml changed, version 1.0.0 → 1.1.0`).
 */
function withContractFiles(
  changes: ModelChange[],
  base: BaseModel,
  head: Model,
  documents: LoadResult['documents'] | undefined,
): ModelChange[] {
  if (!documents || !base.model) return changes;
  const out = [...changes];
  const text = (docs: LoadResult['documents'], file: string | undefined) => (file === undefined ? undefined : docs.get(file)?.text);
  const add = (el: Element, detail: string) => {
    const at = out.findIndex((c) => c.kind === el.kind && c.id === el.id && (c.what === 'changed' || c.what === 'renamed'));
    if (at >= 0) out[at] = { ...out[at]!, details: [...out[at]!.details, detail] };
    else if (!out.some((c) => c.kind === el.kind && c.id === el.id))
      out.push({ kind: el.kind, id: el.id, name: displayName(el), what: 'changed', details: [detail] });
  };
  const compareFile = (el: Element, was: Element | undefined, field: string, written: unknown, before: unknown) => {
    const now = contractFile(el, written);
    const then = was && contractFile(was, before);
    const [a, b] = [text(base.documents, then), text(documents, now)];
    if (now === undefined || a === undefined || b === undefined || a === b) return;
    const versions = [openApiVersion(base.documents.get(then!)?.value), openApiVersion(documents.get(now)?.value)];
    const bumped =
      versions[0] !== undefined && versions[1] !== undefined && versions[0] !== versions[1]
        ? `, version ${versions[0]} → ${versions[1]}`
        : '';
    add(el, `${field}: ${path.posix.basename(now)} changed${bumped}`);
  };
  for (const event of head.byKind.event.values())
    compareFile(
      event,
      base.model.byKind.event.get(event.id),
      'schema',
      event.data.schema,
      base.model.byKind.event.get(event.id)?.data.schema,
    );
  for (const service of head.byKind.service.values()) {
    const was = base.model.byKind.service.get(service.id);
    for (const field of ['openapi', 'proto', 'graphql'] as const)
      compareFile(service, was, `apis.${field}`, service.data.apis?.[field], was?.data.apis?.[field]);
  }
  return out.sort((a, b) => compare(a.kind, b.kind) || compare(a.id, b.id));
}

/** The content path of a file an element names (its schema, its API description), or undefined for a URL or none. */
function contractFile(el: Element, written: unknown): string | undefined {
  return typeof written === 'string' ? namedFile(el.source.path, written) : undefined;
}

/** Each element's name, by key; a later model's name wins. */
function namesOf(...models: Model[]): Map<string, string> {
  return new Map(models.flatMap((model) => model.elements.map((el) => [keyOf(el), displayName(el)] as const)));
}

/** Which diagrams read differently: compared by what they draw (their mermaid text), named by their titles. */
function diagramChanges(before: Model, after: Model): ChangeReport['diagrams'] {
  const views = (model: Model) => new Map(siteViews(model, viewOptions()).map((v) => [`${v.name}:${v.of ?? ''}`, v]));
  const old = views(before);
  const now = views(after);
  return {
    changed: [...now].filter(([k, v]) => old.has(k) && old.get(k)!.text !== v.text).map(([, v]) => v.title),
    added: [...now].filter(([k]) => !old.has(k)).map(([, v]) => v.title),
    removed: [...old].filter(([k]) => !now.has(k)).map(([, v]) => v.title),
  };
}

/** Past this many relations, the Markdown summary folds their list. */
const FOLD = 20;

/** An element as a line names it: `service orders`. */
function named(kind: ModelChange['kind'], id: string): string {
  return `${kind === 'system' ? 'system' : kindInfo(kind).label.toLowerCase()} ${id}`;
}

function changeLine(c: ModelChange): string {
  const what = c.what === 'renamed' ? `renamed from ${c.from}` : c.what;
  return `${named(c.kind, c.id)}: ${what}${c.details.length > 0 ? ` (${c.details.join('; ')})` : ''}`;
}

function relationLine(line: RelationLine): string {
  return `${line.from.kind} ${line.from.id} ${line.verb} ${line.to.kind} ${line.to.id}${line.how ? ` (${line.how})` : ''}`;
}

function counts(report: ChangeReport): string {
  const by = (what: ModelChange['what']) => report.changes.filter((c) => c.what === what).length;
  const parts = [`${by('added')} added`, `${by('removed')} removed`, `${by('renamed')} renamed`, `${by('changed')} changed`];
  return `${parts.join(', ')}; ${report.relations.added.length} relations added, ${report.relations.removed.length} removed`;
}

/** The report for a terminal: a line an element, then the relations. */
export function formatReportText(report: ChangeReport): string {
  const lines = [`Changes against ${report.base.ref} (${report.base.commit}): ${counts(report)}`];
  if (report.note) lines.push(`  ${report.note}`);
  for (const c of report.changes) lines.push(`  ${printable(changeLine(c))}`);
  for (const r of report.relations.added) lines.push(`  + ${relationLine(r)}`);
  for (const r of report.relations.removed) lines.push(`  − ${relationLine(r)}`);
  return lines.join('\n');
}

/**
 * The report as GitHub Actions notices, on the lines that changed in the working tree: a
 * notice at each changed field of a changed element (`dependencies: + payments` on its
 * `dependencies`), one at an added or renamed element; a removed element has no line left,
 * and its notice names it without a place.
 */
export function formatReportGithub(report: ChangeReport, head: Model, locate?: LoadResult['locate']): string {
  const place = (file: string, at: { line: number; column: number }) => `file=${githubProperty(file)},line=${at.line},col=${at.column}`;
  const notice = (where: string | undefined, c: ModelChange, text: string) =>
    `::notice ${where ? `${where},` : ''}title=${githubProperty(`architecture: ${c.what}`)}::${githubData(text)}`;
  return report.changes
    .flatMap((c) => {
      if (c.kind === 'system') return [notice(place(head.system.source.file, head.system.source.start), c, changeLine(c))];
      const el = c.what === 'removed' || !isKind(c.kind) ? undefined : head.byKind[c.kind].get(c.id);
      if (!el) return [notice(undefined, c, changeLine(c))];
      if (c.what !== 'changed' || !locate) return [notice(place(el.source.file, el.source.start), c, changeLine(c))];
      // The field a detail is about: `nfr.availability: …` is about nfr.
      return c.details.map((detail) => {
        const field = detail.slice(0, detail.indexOf(':')).split('.')[0]!;
        return notice(place(el.source.file, locate(el, [field]) ?? el.source.start), c, `${named(c.kind, c.id)}: ${detail}`);
      });
    })
    .join('\n');
}

/**
 * The report as a pull-request comment: counts, a table a kind (element, change, what
 * changed), the relations added and removed, and the diagrams that read differently.
 */
export function formatReportMarkdown(report: ChangeReport): string {
  const out = [
    `### Architecture changes against \`${report.base.ref.replace(/`/g, "'")}\` (${report.base.commit})`,
    '',
    counts(report),
    '',
  ];
  if (report.note) out.push(`> ${markdownText(report.note)}`, '');
  if (report.changes.length === 0 && report.relations.added.length + report.relations.removed.length === 0)
    out.push('The architecture is the same as at the base.', '');
  const kinds = [...new Set(report.changes.map((c) => c.kind))];
  for (const kind of kinds) {
    const title = kind === 'system' ? 'System' : kindInfo(kind).plural;
    out.push(`#### ${title}`, '', '| Element | Change | What changed |', '| --- | --- | --- |');
    for (const c of report.changes.filter((x) => x.kind === kind)) {
      const what = c.what === 'renamed' ? `renamed from \`${c.from ?? ''}\`` : c.what;
      out.push(`| ${markdownText(c.name)} (\`${c.id}\`) | ${what} | ${c.details.map(markdownText).join('<br>')} |`);
    }
    out.push('');
  }
  const name = (ref: ElementRef) => `${markdownText(report.names.get(keyOf(ref)) ?? ref.id)} (${ref.kind})`;
  const relation = (sign: string, r: RelationLine) =>
    `- ${sign} ${name(r.from)} ${r.verb} ${name(r.to)}${r.how ? ` over ${markdownText(r.how)}` : ''}`;
  const relations = [...report.relations.added.map((r) => relation('➕', r)), ...report.relations.removed.map((r) => relation('➖', r))];
  if (relations.length > 0) {
    out.push('#### Relations', '');
    // A long list folded, so that the comment stays readable: its count says how long.
    if (relations.length > FOLD) out.push(`<details><summary>${relations.length} relations added or removed</summary>`, '');
    out.push(...relations);
    if (relations.length > FOLD) out.push('', '</details>');
    out.push('');
  }
  const { changed, added, removed } = report.diagrams;
  if (changed.length + added.length + removed.length > 0) {
    out.push('#### Diagrams', '');
    for (const [label, titles] of [
      ['Changed', changed],
      ['New', added],
      ['Gone', removed],
    ] as const)
      if (titles.length > 0) out.push(`- ${label}: ${titles.map(markdownText).join(', ')}`);
    out.push('');
  }
  return out.join('\n').trimEnd();
}

/** The report as data, for tools. */
export function reportJson(report: ChangeReport): unknown {
  const ref = (r: ElementRef) => keyOf(r);
  return {
    base: report.base,
    ...(report.note ? { note: report.note } : {}),
    changes: report.changes,
    relations: {
      added: report.relations.added.map((r) => ({ verb: r.verb, from: ref(r.from), to: ref(r.to), ...(r.how ? { how: r.how } : {}) })),
      removed: report.relations.removed.map((r) => ({ verb: r.verb, from: ref(r.from), to: ref(r.to), ...(r.how ? { how: r.how } : {}) })),
    },
    diagrams: report.diagrams,
  };
}
