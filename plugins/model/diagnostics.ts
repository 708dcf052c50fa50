import { CODES, type Code, type Severity } from './codes.ts';

/** A place in a content file: 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** One finding about the content, as printed by `check`. */
export interface Diagnostic extends Position {
  /** Path of the file, relative to the working directory, with `/` separators. */
  readonly file: string;
  readonly severity: Severity;
  readonly code: Code;
  readonly message: string;
}

/**
 * Collects diagnostics while the model is read. The severity comes from the catalogue, so a
 * code can never be reported as an error in one place and a warning in another; the one
 * exception is `team-rule`, whose severity each rule of the team's sets.
 */
export class Diagnostics {
  readonly #items: Diagnostic[] = [];

  report(code: Code, file: string, at: Position, message: string, severity?: Severity): void {
    this.#items.push({
      file,
      line: at.line,
      column: at.column,
      severity: code === 'team-rule' && severity ? severity : CODES[code].severity,
      code,
      message: printable(message),
    });
  }

  /** Takes over every diagnostic of another collector. */
  merge(other: Diagnostics): void {
    this.#items.push(...other.#items);
  }

  /** Sorted by file, position, severity and code, without exact duplicates. */
  list(): Diagnostic[] {
    return sortDiagnostics(this.#items);
  }
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts diagnostics by file and position, and drops exact duplicates. */
export function sortDiagnostics(items: readonly Diagnostic[]): Diagnostic[] {
  const sorted = [...items].sort(
    (a, b) =>
      compare(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      severityRank[a.severity] - severityRank[b.severity] ||
      compare(a.code, b.code) ||
      compare(a.message, b.message),
  );
  return sorted.filter(
    (d, i) =>
      i === 0 ||
      !(
        d.file === sorted[i - 1]!.file &&
        d.line === sorted[i - 1]!.line &&
        d.column === sorted[i - 1]!.column &&
        d.code === sorted[i - 1]!.code &&
        d.message === sorted[i - 1]!.message
      ),
  );
}

/** Locale-independent string order, so output is the same on every machine. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Messages quote content, and content may hold anything: control characters and bidi
 * overrides are shown escaped, so a diagnostic stays one honest line in any terminal.
 */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export const START: Position = { line: 1, column: 1 };
