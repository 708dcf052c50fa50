/**
 * How deep brackets nest in a text, found by one scan that keeps no stack: parsers of JSON,
 * GraphQL and Protocol Buffers recurse once per level, so a small hostile file nested
 * thousands deep overflows them. Scanning first turns that into a diagnostic at the bracket
 * that goes one level too deep.
 */
export interface NestingSyntax {
  /** Brackets that open a level; each closes with its mirror. */
  readonly open: string;
  /** What starts a comment that runs to the end of the line. */
  readonly lineComment?: '#' | '//' | undefined;
  /** `/* … *\/` comments. */
  readonly blockComments?: boolean | undefined;
  /** Characters that quote a string (a backslash escapes inside it). */
  readonly quotes: string;
  /** GraphQL's `"""` block strings. */
  readonly tripleQuotes?: boolean | undefined;
}

export const JSON_SYNTAX: NestingSyntax = { open: '[{', quotes: '"' };
export const GRAPHQL_SYNTAX: NestingSyntax = { open: '[{(', lineComment: '#', quotes: '"', tripleQuotes: true };
export const PROTO_SYNTAX: NestingSyntax = { open: '[{(', lineComment: '//', blockComments: true, quotes: '"\'' };
/** YAML's flow collections; block nesting `yaml` reads without recursing. A `#` starts a comment only after a space. */
export const YAML_FLOW_SYNTAX: NestingSyntax = { open: '[{', lineComment: '#', quotes: '"\'' };

const CLOSE: Readonly<Record<string, string>> = { '[': ']', '{': '}', '(': ')' };

/** The offset of the first bracket that opens a level deeper than `max`, if any. */
export function tooDeepAt(text: string, max: number, syntax: NestingSyntax): number | undefined {
  const closers = new Set([...syntax.open].map((c) => CLOSE[c]));
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (syntax.open.includes(c)) {
      if (++depth > max) return i;
    } else if (closers.has(c)) {
      if (depth > 0) depth--;
    } else if (syntax.lineComment && text.startsWith(syntax.lineComment, i) && commentMayStart(text, i, syntax)) {
      const end = text.indexOf('\n', i);
      if (end === -1) return undefined;
      i = end;
    } else if (syntax.blockComments && text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) return undefined;
      i = end + 1;
    } else if (syntax.tripleQuotes && text.startsWith('"""', i)) {
      const end = text.indexOf('"""', i + 3);
      if (end === -1) return undefined;
      i = end + 2;
    } else if (syntax.quotes.includes(c)) {
      i = stringEnd(text, i, c);
    }
  }
  return undefined;
}

/** YAML's `#` starts a comment at a line's start or after white space; elsewhere it is text. */
function commentMayStart(text: string, i: number, syntax: NestingSyntax): boolean {
  return syntax !== YAML_FLOW_SYNTAX || i === 0 || /\s/.test(text[i - 1]!);
}

/** Where a quoted string that opens at `start` ends (its closing quote, or the line's end). */
function stringEnd(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if (c === quote) return i;
    else if (c === '\n' && quote !== '"') return i;
  }
  return text.length;
}

/** 1-based line and column of an offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
