import { formatDiagnostics, formatSummary, type OutputFormat } from '../model/format.ts';
import { loadModel, type LoadResult } from '../model/load.ts';
import { gitTop } from './git-top.ts';
import { todayOf } from '../model/reviews.ts';
import { refusal, type CliOptions } from './args.ts';
import { openCheckStore } from './check-store-file.ts';
import { loadBaseModel } from './base-model.ts';
import {
  changeReport,
  formatReportGithub,
  formatReportMarkdown,
  formatReportText,
  reportJson,
  type ChangeReport,
} from './change-report.ts';
import type { Model } from '../model/model.ts';
import { sortDiagnostics } from '../model/diagnostics.ts';

/** Runs the check, prints its diagnostics and summary, and says how to exit. */
export async function runCheck(
  options: Pick<CliOptions, 'contentDir' | 'format' | 'strict' | 'minCompleteness' | 'today' | 'base' | 'against'>,
): Promise<{
  exitCode: number;
  result: LoadResult;
  /** Where the check kept what it read: a build's page threads read the content through it. */
  store: { readonly file: string; readonly key: string };
}> {
  // What earlier checks read: only files whose text changed are parsed again.
  const store = openCheckStore(options.contentDir);
  const result = await loadModel({
    contentDir: options.contentDir,
    minCompleteness: options.minCompleteness,
    today: options.today ?? todayOf(new Date()),
    gitTop: gitTop(process.cwd()),
    store,
  });
  store.save();
  const compared = options.base !== undefined && result.model ? await compareWith(options.base, options, result, result.model) : undefined;
  const drift = options.against !== undefined && result.model ? await driftAgainst(options.against, result) : [];
  // The contract changes that break their consumers, and drift, are findings like any other (warnings, errors with --strict).
  const diagnostics =
    compared || drift.length > 0 ? sortDiagnostics([...result.diagnostics, ...(compared?.breaking ?? []), ...drift]) : result.diagnostics;
  process.stdout.write(`${printed(options.format, { diagnostics, stats: result.stats }, compared)}\n`);
  // Nothing to compare: the working tree's content has no model (its system.yaml is missing or broken).
  if (options.base !== undefined && !result.model && options.format !== 'json')
    process.stdout.write(`The content does not check (its system.yaml is missing or broken): nothing to compare with ${options.base}.\n`);
  // A breaking change announced by a new major version stays a warning, allowed even with --strict (the content model's rule).
  const failing = diagnostics.some(
    (d) => d.severity === 'error' || (options.strict && d.severity === 'warning' && d.code !== 'versioned-breaking-change'),
  );
  return { exitCode: failing ? 1 : 0, result, store: store.where };
}

/** The model against what a compose file or manifests deploy (`check --against`); loaded only when asked for. */
async function driftAgainst(against: string, result: LoadResult) {
  const { readEnvironment, EnvironmentSourceError } = await import('../sync/read-environment.ts');
  const { driftDiagnostics } = await import('../sync/drift.ts');
  try {
    const { environment, problems } = readEnvironment(against, process.cwd());
    return driftDiagnostics({ model: result.model!, environment, problems, locate: result.locate });
  } catch (error) {
    if (error instanceof EnvironmentSourceError) throw refusal(`--against: ${error.message}`);
    throw error;
  }
}

/** The working tree's model against the model at `base` (`check --base`). */
async function compareWith(base: string, options: Pick<CliOptions, 'contentDir' | 'today' | 'format'>, result: LoadResult, head: Model) {
  // The store as this check left it: the base's files that the working tree has unchanged are read from it (and it is not saved again).
  const store = openCheckStore(options.contentDir);
  const before = await loadBaseModel(options.contentDir, base, options.today ?? todayOf(new Date()), store);
  const report = changeReport(before, head, {
    diagrams: options.format === 'markdown' || options.format === 'json',
    documents: result.documents,
  });
  // Loaded only here: reading GraphQL and Protocol Buffers loads their parsers.
  const { breakingChanges } = await import('./breaking-changes.ts');
  const breaking = before.model
    ? breakingChanges(
        { model: before.model, documents: before.documents },
        { model: head, documents: result.documents, locate: result.locate },
      )
    : [];
  return { report, head, breaking, locate: result.locate };
}

/** What the check prints, in its format: the diagnostics, the summary, and what changed against the base when asked. */
function printed(
  format: OutputFormat,
  { diagnostics, stats }: Pick<LoadResult, 'diagnostics' | 'stats'>,
  compared: { report: ChangeReport; head: Model; locate: LoadResult['locate'] } | undefined,
): string {
  const summary = formatSummary(diagnostics, stats);
  const listed = diagnostics.length > 0 ? [formatDiagnostics(diagnostics, format)] : [];
  if (format === 'json') {
    const list = JSON.parse(formatDiagnostics(diagnostics, 'json')) as unknown;
    // Without --base, the diagnostics alone, as before; with it, both.
    return compared
      ? JSON.stringify({ diagnostics: list, architecture: reportJson(compared.report) }, null, 2)
      : JSON.stringify(list, null, 2);
  }
  if (!compared) return [...listed, summary].join('\n');
  const { report, head } = compared;
  switch (format) {
    case 'github':
      return [...listed, formatReportGithub(report, head, compared.locate), summary].filter(Boolean).join('\n');
    case 'markdown':
      return [formatReportMarkdown(report), '', `#### Check`, '', ...(listed.length > 0 ? [...listed, ''] : []), summary].join('\n');
    default:
      return [...listed, summary, '', formatReportText(report)].join('\n');
  }
}
