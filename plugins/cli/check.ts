import { formatDiagnostics, formatSummary } from '../model/format.ts';
import { loadModel, type LoadResult } from '../model/load.ts';
import type { CliOptions } from './args.ts';

/** Runs the check, prints its diagnostics and summary, and says how to exit. */
export function runCheck(options: Pick<CliOptions, 'contentDir' | 'format' | 'strict' | 'minCompleteness'>): {
  exitCode: number;
  result: LoadResult;
} {
  const result = loadModel({ contentDir: options.contentDir, minCompleteness: options.minCompleteness });
  const { diagnostics, stats } = result;
  if (options.format === 'json') {
    process.stdout.write(`${formatDiagnostics(diagnostics, 'json')}\n`);
  } else {
    if (diagnostics.length > 0) process.stdout.write(`${formatDiagnostics(diagnostics, options.format)}\n`);
    process.stdout.write(`${formatSummary(diagnostics, stats)}\n`);
  }
  const failing = diagnostics.some((d) => d.severity === 'error' || (options.strict && d.severity === 'warning'));
  return { exitCode: failing ? 1 : 0, result };
}
