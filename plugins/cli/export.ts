import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isInside } from '../model/content-files.ts';
import { exportModel } from '../model/export.ts';
import { formatDiagnostics, formatSummary } from '../model/format.ts';
import { loadModel } from '../model/load.ts';
import { refusal, type CliOptions } from './args.ts';
import { writeProblem } from './write-error.ts';

/**
 * `export --format json [--out file]`: the resolved model as JSON (see model/export.ts),
 * without building the site. Content with errors exports nothing: the diagnostics go to
 * stderr and the exit code is 1, as for `check`.
 */
export async function runExport(options: Pick<CliOptions, 'contentDir' | 'exportOut'>): Promise<number> {
  // The content is never written over: an export is a file of its own.
  if (options.exportOut !== undefined && isInside(path.resolve(options.contentDir), path.resolve(options.exportOut)))
    throw refusal(`--out ${options.exportOut} is inside the content folder: write the export elsewhere`);
  const result = await loadModel({ contentDir: options.contentDir });
  if (!result.ok || !result.model) {
    process.stderr.write(`${formatDiagnostics(result.diagnostics, 'text')}\n${formatSummary(result.diagnostics, result.stats)}\n`);
    process.stderr.write('archsite: the check failed; nothing was exported.\n');
    return 1;
  }
  const json = `${JSON.stringify(exportModel(result.model), null, 2)}\n`;
  if (options.exportOut === undefined) process.stdout.write(json);
  else {
    const file = path.resolve(options.exportOut);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, json);
    } catch (error) {
      throw refusal(`cannot write --out ${options.exportOut}: ${writeProblem(error)}`);
    }
    process.stderr.write(`archsite: the model of ${result.stats.elements} elements written to ${options.exportOut}\n`);
  }
  return 0;
}
