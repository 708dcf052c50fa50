import { kindInfo, type ElementKind } from '../model/kinds.ts';
import { fieldLabel } from './labels.ts';
import { pageKind } from './kinds.ts';
import type { Site } from './site.ts';
import { elementHref } from './urls.ts';
import type { PageHead } from './view.ts';

/** Fields of a page that say how it is drawn, not what it says: left out of its text. */
const LAYOUT_KEYS = new Set([
  'id',
  'anchor',
  'href',
  'variant',
  'fill',
  'stroke',
  'dashed',
  'style',
  'legend',
  'relations',
  'hidden',
  'bundles',
  'narrow',
  'states',
  'state',
  'editUrl',
  'headings',
  'none',
  'typeHref',
  'exampleSource',
  'of',
  'term',
  'lang',
]);

/**
 * An element's page as Markdown text, for language models and anyone reading without a
 * browser (`/<kind>/<id>/index.html.md`, see llmstxt.org): written from the page function's
 * own answer, as the HTML page is, so it says what the page says, in its order. Links are the
 * page's links; each diagram is its mermaid source. Undefined for a docs page: it is Markdown already.
 */
export function pageText(site: Site, kind: ElementKind, id: string): string | undefined {
  const page = pageKind(kind).page(site, id) as Record<string, unknown> & { head?: PageHead; sections?: unknown };
  const head = page.head;
  if (!head) return undefined;
  const el = site.model.byKind[kind].get(id)!;
  const lines: string[] = [`# ${oneLine(head.title)}`, ''];
  const facets = head.facets.map((f) => `${fieldLabel(f.name)}: ${f.value}`);
  if (facets.length > 0) lines.push(facets.join(' · '), '');
  if (head.lifecycle)
    lines.push(
      `${head.lifecycle.badge.text}${head.lifecycle.replacedBy ? `, replaced by ${link(head.lifecycle.replacedBy.text, head.lifecycle.replacedBy.href)}` : ''}`,
      '',
    );
  if (head.description) lines.push(oneLine(head.description), '');
  lines.push(`The page: ${link(head.title, elementHref(el, site.base))} (${kindInfo(kind).label.toLowerCase()})`, '');
  // What the page shows above its sections: its badges, links and diagrams.
  for (const [key, value] of Object.entries(page)) {
    if (key === 'head' || key === 'sections' || key === 'description' || LAYOUT_KEYS.has(key)) continue;
    block(lines, fieldLabel(key), value, 3);
  }
  const sections = [...(Array.isArray(page.sections) ? page.sections : []), ...head.sections] as Record<string, unknown>[];
  for (const section of sections) {
    const title = typeof section.title === 'string' ? section.title : fieldLabel(String(section.id));
    const before = lines.length;
    lines.push(`## ${oneLine(title)}`, '');
    const start = lines.length;
    for (const [key, value] of Object.entries(section)) {
      if (key === 'title' || LAYOUT_KEYS.has(key)) continue;
      block(lines, fieldLabel(key), value, 3);
    }
    if (lines.length === start) {
      if (typeof section.none === 'string') lines.push(section.none, '');
      else lines.length = before;
    }
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** One field of a page: a diagram as its mermaid source, a list as bullets, anything else as `Label: value`. */
function block(lines: string[], label: string, value: unknown, depth: number): void {
  if (value === undefined || value === null || value === '' || value === false) return;
  if (isDiagram(value)) {
    lines.push(`${'#'.repeat(depth)} ${oneLine(value.title)}`, '', '```mermaid', value.text.trimEnd(), '```', '');
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return;
    if (value.every((v) => !isRecord(v) || isLink(v))) {
      lines.push(`${label}: ${value.map(inline).join(', ')}`, '');
      return;
    }
    lines.push(`${label}:`, '');
    for (const item of value) lines.push(`- ${inline(item)}`);
    lines.push('');
    return;
  }
  if (isRecord(value) && !isLink(value)) {
    // A badge: its text is what it says.
    const said = Object.entries(value).filter(([key, v]) => !LAYOUT_KEYS.has(key) && v !== undefined);
    if (said.length === 1 && said[0]![0] === 'text' && typeof said[0]![1] === 'string') {
      lines.push(`${label}: ${oneLine(said[0]![1])}`, '');
      return;
    }
    const inner: string[] = [];
    for (const [key, v] of Object.entries(value)) if (!LAYOUT_KEYS.has(key)) block(inner, fieldLabel(key), v, depth + 1);
    if (inner.length > 0) lines.push(...(label === 'Text' ? [] : [`${'#'.repeat(depth)} ${label}`, '']), ...inner);
    return;
  }
  // A text of several lines (a schema, an example) as it is written; prose as a paragraph.
  if (typeof value === 'string' && value.includes('\n') && label !== 'Text') {
    // A fence longer than any run of backticks in the text: nothing in it can close the block.
    const fence = '`'.repeat(Math.max(3, ...[...value.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    lines.push(`${label}:`, '', fence, value.trimEnd(), fence, '');
    return;
  }
  lines.push(label === 'Text' ? inline(value) : `${label}: ${inline(value)}`, '');
}

/** A value on one line: a link as a link, a record as its fields, `; ` between them. */
function inline(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value !== 'object') return oneLine(String(value));
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (isLink(value)) return link(value.text, value.href);
  if (depth > 4) return '…';
  if (Array.isArray(value))
    return value
      .map((v) => inline(v, depth + 1))
      .filter(Boolean)
      .join(', ');
  if (isDiagram(value)) return `(diagram: ${oneLine(value.title)})`;
  return Object.entries(value)
    .filter(([key, v]) => !LAYOUT_KEYS.has(key) && v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([key, v]) =>
      key === 'text' || key === 'name' || key === 'link'
        ? inline(v, depth + 1)
        : `${fieldLabel(key).toLowerCase()}: ${inline(v, depth + 1)}`,
    )
    .join('; ');
}

/** `[text](href)`, with the text kept from breaking the link. */
function link(text: string, href: string): string {
  const shown = oneLine(text).replace(/[[\]\\]/g, (c) => `\\${c}`);
  return href ? `[${shown}](${href.replace(/[()\s]/g, (c) => encodeURIComponent(c))})` : shown;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isLink = (value: unknown): value is { text: string; href: string } =>
  isRecord(value) && typeof value.text === 'string' && typeof value.href === 'string';
const isDiagram = (value: unknown): value is { title: string; text: string } =>
  isRecord(value) &&
  typeof value.name === 'string' &&
  typeof value.title === 'string' &&
  typeof value.text === 'string' &&
  /(flowchart|graph|erDiagram|sequenceDiagram|C4)/.test(value.text);
