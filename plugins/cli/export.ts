import { lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isInside } from '../model/content-files.ts';
import { exportModel } from '../model/export.ts';
import { formatDiagnostics, formatSummary } from '../model/format.ts';
import { loadModel } from '../model/load.ts';
import { refusal, type CliOptions } from './args.ts';
import { realPath, shownPath } from './out-dir.ts';
import { writeProblem } from './write-error.ts';

/**
 * `export --format json [--out file]`: the resolved model as JSON (see model/export.ts),
 * without building the site. Content with errors exports nothing: the diagnostics go to
 * stderr and the exit code is 1, as for `check`.
 */
export async function runExport(options: Pick<CliOptions, 'contentDir' | 'exportOut'>): Promise<number> {
  const out = options.exportOut === undefined ? undefined : checkExportOut(options.exportOut, options.contentDir);
  const result = await loadModel({ contentDir: options.contentDir });
  if (!result.ok || !result.model) {
    process.stderr.write(`${formatDiagnostics(result.diagnostics, 'text')}\n${formatSummary(result.diagnostics, result.stats)}\n`);
    process.stderr.write('archsite: the check failed; nothing was exported.\n');
    return 1;
  }
  const json = `${JSON.stringify(exportModel(result.model), null, 2)}\n`;
  if (out === undefined) {
    process.stdout.write(json);
    return 0;
  }
  // Checked again just before writing: a link or file made meanwhile is not written through.
  const replaced = checkExportOut(options.exportOut!, options.contentDir).exists;
  const temporary = path.join(path.dirname(out.file), `.${path.basename(out.file)}.${process.pid}.tmp`);
  try {
    mkdirSync(path.dirname(out.file), { recursive: true });
    // `wx` and a rename: the file is replaced whole, and a link at its place would be replaced, never followed.
    writeFileSync(temporary, json, { flag: 'wx' });
    renameSync(temporary, out.file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw refusal(`cannot write --out ${shownPath(out.file)}: ${writeProblem(error)}`);
  }
  process.stderr.write(
    `archsite: the model of ${result.stats.elements} elements written to ${shownPath(out.file)}${replaced ? ' (it replaced the file that was there)' : ''}\n`,
  );
  return 0;
}

/**
 * The rules for `export --out`, as for `build --out`: never into the content folder, judged
 * where both really are once links are followed; never through a symbolic link; never over a
 * folder. An existing file is replaced, and the command says so.
 */
function checkExportOut(written: string, contentDir: string): { file: string; exists: boolean } {
  const file = path.resolve(written);
  const shown = shownPath(file);
  let stat;
  try {
    stat = lstatSync(file);
  } catch {
    // A new file.
  }
  if (stat?.isSymbolicLink()) throw refusal(`--out ${shown} is a symbolic link; archsite never writes through one: give a path of its own`);
  if (stat?.isDirectory())
    throw refusal(`--out ${shown} is a folder; give the path of a file, such as ${shownPath(path.join(file, 'model.json'))}`);
  if (isInside(realPath(contentDir), realPath(file)) || isInside(path.resolve(contentDir), file))
    throw refusal(`--out ${shown} is inside the content folder: write the export elsewhere`);
  return { file, exists: stat !== undefined };
}
