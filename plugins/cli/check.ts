import { formatDiagnostics, formatSummary } from '../model/format.ts';
import { loadModel, type LoadResult } from '../model/load.ts';
import { gitTop } from './git-top.ts';
import { todayOf } from '../model/reviews.ts';
import type { CliOptions } from './args.ts';
import { openCheckStore } from './check-store-file.ts';

/** Runs the check, prints its diagnostics and summary, and says how to exit. */
export async function runCheck(options: Pick<CliOptions, 'contentDir' | 'format' | 'strict' | 'minCompleteness' | 'today'>): Promise<{
  exitCode: number;
  result: LoadResult;
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
