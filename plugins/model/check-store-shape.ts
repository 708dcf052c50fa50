import type { BodyFence, BodyLink, ParsedBody } from './markdown-body.ts';
import type { FastSource, MarkdownBody } from './parse-source.ts';

/**
 * Whether what a check store holds has the shape the check reads (see check-store.ts). A
 * store is a file on disk that anything may have written over: one entry of another shape
 * makes the whole store count as empty, as one written by other code does.
 */
export function isStoredSource(value: unknown): value is { hash: string; fast: FastSource; body?: ParsedBody | undefined } {
  return (
    isRecord(value) && typeof value.hash === 'string' && isFastSource(value.fast) && (value.body === undefined || isParsedBody(value.body))
  );
}

function isFastSource(value: unknown): value is FastSource {
  return (
    isRecord(value) &&
    typeof value.yamlText === 'string' &&
    Array.isArray(value.values) &&
    (value.body === undefined || isMarkdownBody(value.body))
  );
}

function isMarkdownBody(value: unknown): value is MarkdownBody {
  return isRecord(value) && typeof value.text === 'string' && Number.isInteger(value.line) && typeof value.mdx === 'boolean';
}

function isParsedBody(value: unknown): value is ParsedBody {
  if (!isRecord(value)) return false;
  if (value.ok === false) return isPosition(value.at) && typeof value.message === 'string';
  return (
    value.ok === true &&
    Array.isArray(value.links) &&
    value.links.every(isLink) &&
    Array.isArray(value.fences) &&
    value.fences.every(isFence) &&
    // Bodies with diagrams are never stored (their attributes do not survive serialisation).
    Array.isArray(value.diagrams) &&
    value.diagrams.length === 0
  );
}

function isLink(value: unknown): value is BodyLink {
  return isRecord(value) && typeof value.url === 'string' && isPosition(value.at) && typeof value.image === 'boolean';
}

function isFence(value: unknown): value is BodyFence {
  return isRecord(value) && typeof value.lang === 'string' && typeof value.text === 'string' && isPosition(value.at);
}

function isPosition(value: unknown): boolean {
  return isRecord(value) && Number.isInteger(value.line) && Number.isInteger(value.column);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether a stored reading belongs to this text: a YAML file's reading holds its whole text,
 * a Markdown file's its front matter and its body. An entry moved from another file (with
 * its hash) reads as another text's, and is not used.
 */
export function fitsText(fast: FastSource, text: string, markdown: boolean): boolean {
  if (!markdown) return fast.yamlText === text && fast.body === undefined;
  if (fast.body === undefined || !text.endsWith(fast.body.text)) return false;
  const frontMatter = fast.yamlText.replace(/^\n+/, '');
  return text.includes(frontMatter) && fast.yamlText.length - frontMatter.length < fast.body.line;
}

/** Whether the links and fences found in a body are in this text. */
export function bodyFitsText(body: ParsedBody, text: string): boolean {
  return !body.ok || (body.links.every((link) => text.includes(link.url)) && body.fences.every((fence) => text.includes(fence.text)));
}
