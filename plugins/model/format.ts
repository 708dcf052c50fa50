import { printable, type Diagnostic } from './diagnostics.ts';

export type OutputFormat = 'text' | 'json' | 'github';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'github'];

/** Formats diagnostics for the terminal, for tools (JSON) or for GitHub Actions annotations. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: OutputFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(
        diagnostics.map(({ file, line, column, severity, code, message }) => ({ file, line, column, severity, code, message })),
        null,
        2,
      );
    case 'github':
      return diagnostics.map(githubAnnotation).join('\n');
    default:
      return diagnostics.map(formatDiagnostic).join('\n');
  }
}

/**
 * `content/services/x.yaml:14:7 error unknown-reference: message`. A file name may hold new
 * lines or terminal control characters: printed escaped, so one diagnostic is one line.
 */
export function formatDiagnostic(d: Diagnostic): string {
  return `${printable(d.file)}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`;
}

/** The closing line: counts of errors and warnings, and what was checked. */
export function formatSummary(diagnostics: readonly Diagnostic[], stats: { files: number; elements: number }): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const infos = diagnostics.length - errors - warnings;
  const counts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(infos > 0 ? [plural(infos, 'note')] : [])].join(', ');
  return `${counts} (${plural(stats.elements, 'element')} in ${plural(stats.files, 'file')} checked)`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const GITHUB_LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

function githubAnnotation(d: Diagnostic): string {
  const property = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::${GITHUB_LEVEL[d.severity]} file=${property(printable(d.file))},line=${d.line},col=${d.column},title=${property(d.code)}::${escapeData(d.message)}`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
