import { printable, type Diagnostic } from './diagnostics.ts';

export type OutputFormat = 'text' | 'json' | 'github' | 'markdown';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'github', 'markdown'];

/** Formats diagnostics for the terminal, for tools (JSON), for GitHub Actions annotations or for a pull-request comment (Markdown). */
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
    case 'markdown':
      return markdownTable(diagnostics);
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
  return `::${GITHUB_LEVEL[d.severity]} file=${githubProperty(printable(d.file))},line=${d.line},col=${d.column},title=${githubProperty(d.code)}::${githubData(d.message)}`;
}

/** A value of a GitHub Actions command's property (`file=`, `title=`), escaped as the runner reads it. */
export function githubProperty(s: string): string {
  return githubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A GitHub Actions command's message, escaped as the runner reads it. */
export function githubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Diagnostics as a Markdown table, for a pull-request comment: where, severity, code, message. */
function markdownTable(diagnostics: readonly Diagnostic[]): string {
  const cell = markdownText;
  return [
    '| Where | Severity | Code | Message |',
    '| --- | --- | --- | --- |',
    ...diagnostics.map((d) => `| ${cell(d.file)}:${d.line}:${d.column} | ${d.severity} | ${d.code} | ${cell(d.message)} |`),
  ].join('\n');
}

/** Text from the content in Markdown: on one line, its markup characters escaped, so a name cannot inject a link, an image or a table cell. */
export function markdownText(text: string): string {
  return printable(text)
    .replace(/[\\`*_[\]<>|#!]/g, (c) => `\\${c}`)
    .replace(/\s+/g, ' ');
}
