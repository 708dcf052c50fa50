import matter from 'gray-matter';
import { isCollection, isMap, isSeq, LineCounter, parseAllDocuments, type Document, type YAMLError } from 'yaml';
import type { ContentFile } from './content-files.ts';
import type { Diagnostics, Position } from './diagnostics.ts';
import { fastYamlValues } from './fast-yaml.ts';
import { positionOf, tooDeepAt, YAML_FLOW_SYNTAX } from './nesting.ts';
import { firstAlias, inspectNodes, nestedMessage, tooDeep } from './yaml-nodes.ts';
import { DeferredLocator, deferredPosition, YamlLocator, type Locator } from './yaml-position.ts';

/** YAML nested deeper than this is refused: no real element needs it. */
export const MAX_DEPTH = 64;
/** Aliases a document may expand; more is treated as an alias bomb. */
export const MAX_ALIASES = 100;

/** One YAML document of a content file, parsed and located. */
export interface SourceDocument {
  readonly file: ContentFile;
  /** The document's value as plain data. */
  readonly value: unknown;
  readonly locate: Locator;
  /** Where the document starts: the first line of its content. */
  readonly start: Position;
  /** True when the file holds several documents (each must then carry `id`). */
  readonly multi: boolean;
  /** Markdown body and the line it starts on, for `.md` and `.mdx` files. */
  readonly body?: MarkdownBody;
  /**
   * True for a document with syntax errors (already reported). Its value is what YAML could
   * still make of it: never validated, only used so that other files' references to it do
   * not fail as well.
   */
  readonly broken?: boolean;
  /**
   * The text of numbers written where text may be meant, by field path (`pathKey`), when
   * JavaScript would print them otherwise (`1.10`, `1.0`, `0x1F`): text fields keep what the
   * author wrote.
   */
  readonly numbers?: ReadonlyMap<string, string>;
}

/** Options `yaml` reads every content file with: `<<` merge keys are YAML 1.1's, and many authors use them. */
const YAML_OPTIONS = { merge: true } as const;

export interface MarkdownBody {
  readonly text: string;
  /** 1-based line of the body's first line in the file. */
  readonly line: number;
  readonly mdx: boolean;
}

/**
 * Parses a content file's text into YAML documents: every document of a `.yaml`/`.yml`
 * file, or the front matter of a Markdown file. Syntax errors are reported with their
 * position; the documents that parsed are returned. Empty documents (a trailing `---`)
 * are dropped; a file with no document left is reported as empty.
 */
/**
 * What the fast path read of a file: plain data, which a check can keep from one run to the
 * next (see check-store.ts) and turn into the same documents again (`fastDocuments`).
 */
export interface FastSource {
  /** The YAML: the whole file, or a Markdown file's front matter at its own lines. */
  readonly yamlText: string;
  readonly body?: MarkdownBody | undefined;
  readonly values: readonly unknown[];
}

export function parseSource(
  file: ContentFile,
  text: string,
  diagnostics: Diagnostics,
  keep?: (fast: FastSource) => void,
): SourceDocument[] {
  const markdown = /\.mdx?$/i.test(file.relative);
  const split = markdown ? splitMarkdown(file, text, diagnostics) : { yamlText: text, body: undefined };
  if (!split) return [];
  const { yamlText, body } = split;

  const values = fastYamlValues(yamlText, MAX_DEPTH);
  if (values !== undefined) {
    const fast: FastSource = { yamlText, body, values };
    keep?.(fast);
    return fastDocuments(file, text, fast, diagnostics);
  }

  const lines = new LineCounter();
  let docs: Document.Parsed[];
  try {
    // logLevel 'error': yaml's warnings would go to stderr; the ones that matter are diagnostics.
    docs = parseAllDocuments(yamlText, {
      ...YAML_OPTIONS,
      lineCounter: lines,
      uniqueKeys: true,
      prettyErrors: false,
      logLevel: 'error',
    }) as Document.Parsed[];
  } catch (error) {
    diagnostics.report('yaml-too-complex', file.display, deepestOr(yamlText, { line: 1, column: 1 }), tooComplexMessage(error));
    return [];
  }
  if (!Array.isArray(docs)) docs = [docs];

  const usable: UsableDocument[] = [];
  let refused = false;
  for (const doc of docs) {
    const read = readDocument(doc, { file, yamlText, lines, diagnostics });
    refused ||= read.refused;
    if (read.usable) usable.push(read.usable);
  }

  if (usable.length === 0 && !refused) reportEmpty(file, text, markdown, diagnostics);

  return usable.map(({ doc, value, broken, numbers }) => {
    const locate = new YamlLocator(doc, lines);
    const { line, col } = lines.linePos(doc.contents?.range[0] ?? 0);
    return {
      file,
      value,
      locate,
      start: { line, column: col },
      multi: usable.length > 1,
      ...(body ? { body } : {}),
      ...(broken ? { broken } : {}),
      ...(numbers ? { numbers } : {}),
    };
  });
}

/**
 * A Markdown file's front matter, kept at its own lines so that YAML positions are file
 * positions, and its prose; undefined (reported) when the front matter does not open right.
 */
function splitMarkdown(file: ContentFile, text: string, diagnostics: Diagnostics): { yamlText: string; body: MarkdownBody } | undefined {
  // gray-matter reads `---lang` as a front matter language; archsite's is always YAML.
  const opening = /^---([^\r\n]*)/.exec(text);
  if (opening && opening[1]!.trim() !== '') {
    diagnostics.report('yaml-syntax', file.display, { line: 1, column: 4 }, "front matter opens with a line of just '---'");
    return undefined;
  }
  const split = matter(text, { engines: { yaml: () => ({}) } });
  // gray-matter gives an empty text no `matter` at all.
  const frontMatter = split.matter ?? '';
  let yamlText = '';
  if (frontMatter !== '' || text.startsWith('---')) {
    const matterAt = text.indexOf(frontMatter, 3);
    // gray-matter leaves the `\r` of a CRLF closing line on the front matter: drop it.
    yamlText = '\n'.repeat(countNewlines(text.slice(0, matterAt))) + frontMatter.replace(/\r$/, '');
  }
  const bodyAt = text.length - split.content.length;
  return { yamlText, body: { text: split.content, line: countNewlines(text.slice(0, bodyAt)) + 1, mdx: /\.mdx$/i.test(file.relative) } };
}

/** A document whose value an element can be read from (`broken`: reported, but what it names still exists for references). */
interface UsableDocument {
  readonly doc: Document.Parsed;
  readonly value: unknown;
  readonly broken?: boolean;
  readonly numbers?: ReadonlyMap<string, string>;
}

interface DocumentContext {
  readonly file: ContentFile;
  readonly yamlText: string;
  readonly lines: LineCounter;
  readonly diagnostics: Diagnostics;
}

/** One YAML document: its value, and whether anything in it was refused (and reported). */
function readDocument(doc: Document.Parsed, c: DocumentContext): { usable?: UsableDocument; refused: boolean } {
  const { file, lines, diagnostics } = c;
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    reportYamlErrors(doc, c);
    const partial = partialValue(doc);
    return partial !== undefined ? { usable: { doc, value: partial, broken: true }, refused: true } : { refused: true };
  }
  if (doc.contents === null) return { refused: false };
  const complexKey = firstComplexKey(doc);
  if (complexKey !== undefined) {
    diagnostics.report('yaml-syntax', file.display, at(complexKey), 'a mapping key is a list or a mapping; keys are plain text');
    return { refused: true };
  }
  const depthAt = tooDeep(doc, MAX_DEPTH);
  if (depthAt !== undefined) {
    diagnostics.report('yaml-too-complex', file.display, at(depthAt), nestedMessage('YAML', MAX_DEPTH));
    return { refused: true };
  }
  const findings = inspectNodes(doc, c.yamlText);
  for (const problem of findings.problems)
    diagnostics.report(problem.kind === 'tag' ? 'unsupported-tag' : 'reserved-key', file.display, at(problem.offset), problem.message);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const where = at(firstAlias(doc) ?? doc.contents.range[0]);
    const unresolved = error instanceof Error && /unresolved alias/i.test(error.message);
    if (unresolved)
      diagnostics.report(
        'yaml-syntax',
        file.display,
        where,
        `an alias names no anchor: ${(error as Error).message.split(':').at(-1)!.trim()}`,
      );
    else diagnostics.report('yaml-too-complex', file.display, where, tooComplexMessage(error));
    return { refused: true };
  }
  if (value === null || value === undefined) return { refused: false };
  // Reported; what the document names still exists for other files' references.
  if (findings.problems.length > 0) return { usable: { doc, value, broken: true }, refused: true };
  return { usable: { doc, value, ...(findings.numbers.size > 0 ? { numbers: findings.numbers } : {}) }, refused: false };
}

/** A document's syntax errors, one a line: YAML's later errors on a line mostly repeat the first. */
function reportYamlErrors(doc: Document.Parsed, { file, yamlText, lines, diagnostics }: DocumentContext): void {
  const seen = new Set<number>();
  for (const error of doc.errors) {
    if (/call stack/i.test(error.message)) {
      // Flow collections nested thousands deep overflow the parser: said where the nesting crosses the limit.
      const { line, col } = lines.linePos(error.pos[0]);
      diagnostics.report('yaml-too-complex', file.display, deepestOr(yamlText, { line, column: col }), nestedMessage('YAML', MAX_DEPTH));
      break;
    }
    const line = error.linePos?.[0]?.line ?? lines.linePos(error.pos[0]).line;
    if (seen.has(line)) continue;
    seen.add(line);
    reportYamlError(error, file, lines, diagnostics);
  }
}

/** The documents of a file the fast path read (now or in an earlier run of the check). */
export function fastDocuments(file: ContentFile, text: string, fast: FastSource, diagnostics: Diagnostics): SourceDocument[] {
  const { yamlText, body, values } = fast;
  if (values.length === 0) reportEmpty(file, text, /\.mdx?$/i.test(file.relative), diagnostics);
  // Positions only when a diagnostic asks for one: then the file is read again by `yaml`.
  let located: ReturnType<typeof locateDocuments> | undefined;
  const at = (i: number) => (located ??= locateDocuments(yamlText))[i];
  return values.map((value, i) => ({
    file,
    value,
    locate: new DeferredLocator(() => at(i)?.locate),
    start: deferredPosition(() => at(i)?.start),
    multi: values.length > 1,
    ...(body ? { body } : {}),
  }));
}

function reportEmpty(file: ContentFile, text: string, markdown: boolean, diagnostics: Diagnostics): void {
  const message = !markdown
    ? 'file holds no element'
    : text.startsWith('---')
      ? 'front matter is empty'
      : 'Markdown file has no front matter with the element fields';
  diagnostics.report('empty-file', file.display, { line: 1, column: 1 }, message);
}

/**
 * The documents of a text the fast path read, parsed again by `yaml` for their positions:
 * the same documents the fast path kept, in the same order.
 */
function locateDocuments(yamlText: string): { locate: YamlLocator; start: Position }[] {
  const lines = new LineCounter();
  const docs = [parseAllDocuments(yamlText, { ...YAML_OPTIONS, lineCounter: lines, logLevel: 'silent' })].flat() as Document.Parsed[];
  return docs
    .filter((doc) => doc.contents !== null && partialValue(doc) !== undefined)
    .map((doc) => {
      const { line, col } = lines.linePos(doc.contents!.range[0]);
      return { locate: new YamlLocator(doc, lines), start: { line, column: col } };
    });
}

/** What YAML made of a document with errors, if anything safe: within the depth and alias limits. */
function partialValue(doc: Document.Parsed): unknown {
  if (doc.contents === null || tooDeep(doc, MAX_DEPTH) !== undefined) return undefined;
  try {
    const value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    return value === null ? undefined : value;
  } catch {
    return undefined;
  }
}

function reportYamlError(error: YAMLError, file: ContentFile, lines: LineCounter, diagnostics: Diagnostics): void {
  const { line, col } = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
  // yaml's messages end with " at line L, column C" and a code frame: keep the sentence.
  const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '').trim();
  if (error.code === 'DUPLICATE_KEY') {
    diagnostics.report(
      'duplicate-key',
      file.display,
      { line, column: col },
      message.replace(/^Map keys must be unique$/, 'mapping key is written twice'),
    );
  } else if (error.code === 'TAB_AS_INDENT') {
    diagnostics.report('yaml-syntax', file.display, { line, column: col }, 'tab used for indentation; indent YAML with spaces');
  } else {
    diagnostics.report('yaml-syntax', file.display, { line, column: col }, lowerFirst(message) || 'invalid YAML');
  }
}

/** The offset of the first mapping key that is a collection (`? [a, b]: c`), if any. */
function firstComplexKey(doc: Document.Parsed): number | undefined {
  const stack: unknown[] = [doc.contents];
  let seen = 0;
  while (stack.length > 0 && seen++ < 100_000) {
    const node = stack.pop();
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isCollection(pair.key)) return pair.key.range?.[0] ?? 0;
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      stack.push(...node.items);
    }
  }
  return undefined;
}

/** Where flow collections first nest deeper than MAX_DEPTH, or `fallback`. */
function deepestOr(yamlText: string, fallback: Position): Position {
  const at = tooDeepAt(yamlText, MAX_DEPTH, YAML_FLOW_SYNTAX);
  return at === undefined ? fallback : positionOf(yamlText, at);
}

function tooComplexMessage(error: unknown): string {
  if (error instanceof RangeError) return nestedMessage('YAML', MAX_DEPTH);
  if (error instanceof ReferenceError || (error instanceof Error && /alias/i.test(error.message))) {
    return `YAML expands more than ${MAX_ALIASES} aliases; this looks like an alias bomb`;
  }
  return `YAML cannot be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
