import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatDiagnostics, formatSummary } from '../model/format.ts';
import { loadModel } from '../model/load.ts';
import type { Model } from '../model/model.ts';
import { refusal, type CliOptions, type ImportSource } from './args.ts';
import { writeProblem } from './write-error.ts';

/** What a source's importer makes of a file or folder: a plan, or why it cannot. */
type Planned = { plan: import('../sync/import/plan.ts').ImportPlan } | { problems: readonly string[] };

/**
 * `import <source> <path>`: drafts elements from an OpenAPI or AsyncAPI description, a compose
 * file or Kubernetes manifests, and writes each into the content folder, never over a file
 * (a file that exists is kept, and said so). Then checks the content and says, for every file
 * written, what was inferred, what is left to fill in, and what the check finds in it.
 */
export async function runImport(options: Pick<CliOptions, 'contentDir' | 'importFrom'>): Promise<number> {
  const { source, path: from } = options.importFrom!;
  // Whatever the source, a path that is not there is a usage error, said in one line.
  if (!existsSync(path.resolve(from))) throw refusal(`${from} does not exist`);
  const contentDir = path.resolve(options.contentDir);
  const existing = existsSync(contentDir) ? (await loadModel({ contentDir, codeRules: false })).model : undefined;
  const planned = await plan(source, from, existing);
  if ('problems' in planned) {
    process.stdout.write(`${planned.problems.join('\n')}\narchsite: nothing imported from ${from}\n`);
    return 1;
  }
  const { plan: result } = planned;
  const shown = (file: string) => path.relative(process.cwd(), path.join(contentDir, file)).split(path.sep).join('/');
  const { draftPath, draftText } = await import('../sync/import/plan.ts');
  const files = [
    ...(existsSync(path.join(contentDir, 'system.yaml')) || existsSync(path.join(contentDir, 'system.yml'))
      ? []
      : [{ path: 'system.yaml', text: systemText(result.system), about: ['system: name it, and say what it does'] }]),
    ...result.assets.map((asset) => ({ path: asset.path, text: asset.text, about: [] as string[] })),
    ...result.drafts.map((draft) => ({
      path: draftPath(draft),
      text: draftText(draft, result.origin),
      about: [...draft.inferred.map((line) => `inferred: ${line}`), ...draft.left.map((line) => `to fill in: ${line}`)],
    })),
  ];
  const written: string[] = [];
  const lines: string[] = [];
  for (const file of files) {
    const full = path.join(contentDir, file.path);
    try {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, file.text, { flag: 'wx' });
    } catch (error) {
      const why =
        (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'it exists, and archsite never writes over a file' : writeProblem(error);
      lines.push(`kept    ${shown(file.path)}: ${why}`);
      continue;
    }
    written.push(shown(file.path));
    lines.push(`wrote   ${shown(file.path)}`, ...file.about.map((line) => `          ${line}`));
  }
  const after = await loadModel({ contentDir, codeRules: false });
  const mine = after.diagnostics.filter((d) => written.includes(d.file));
  process.stdout.write(
    [
      `archsite: imported ${result.origin}`,
      ...lines,
      ...result.notes.map((note) => `note    ${note}`),
      '',
      ...(mine.length > 0 ? [formatDiagnostics(mine, 'text')] : []),
      `${written.length} ${written.length === 1 ? 'file' : 'files'} written. In them: ${formatSummary(mine, { files: written.length, elements: result.drafts.length })}`,
      written.length > 0 ? 'Fill in what is left (the header of each file lists it), then run npm run check.' : '',
    ].join('\n') + '\n',
  );
  return mine.some((d) => d.severity === 'error') ? 1 : 0;
}

/** The plan for one source; a file that cannot be read as that source is a refusal or a list of problems. */
async function plan(source: ImportSource, from: string, model: Model | undefined): Promise<Planned> {
  switch (source) {
    case 'compose':
    case 'k8s': {
      const { readEnvironment, EnvironmentSourceError } = await import('../sync/read-environment.ts');
      const { planFromEnvironment } = await import('../sync/import/from-environment.ts');
      let read;
      try {
        read = readEnvironment(from, process.cwd(), source === 'compose' ? 'compose' : 'kubernetes');
      } catch (error) {
        if (error instanceof EnvironmentSourceError) throw refusal(error.message);
        throw error;
      }
      const fatal = read.problems.filter((p) => p.fatal);
      if (fatal.length > 0 || read.environment.workloads.length === 0)
        return { problems: fatal.map((p) => `${p.at.file}:${p.at.line}:${p.at.column} error ${p.message}`) };
      const plan = planFromEnvironment(read.environment, model);
      // What was skipped (a `depends_on` naming nothing) is said beside what was imported.
      const skipped = read.problems.map((p) => `${p.at.file}:${p.at.line}:${p.at.column} ${p.message}`);
      return { plan: { ...plan, notes: [...plan.notes, ...skipped] } };
    }
    case 'openapi': {
      const { planFromOpenApi } = await import('../sync/import/from-openapi.ts');
      return planFromOpenApi(from, process.cwd(), model);
    }
    case 'asyncapi': {
      const { planFromAsyncApi } = await import('../sync/import/from-asyncapi.ts');
      return planFromAsyncApi(from, process.cwd(), model);
    }
  }
}

function systemText(system: { name: string; description: string }): string {
  return `# Written by archsite import: name the system and say what it does.\nname: ${JSON.stringify(system.name)}\ndescription: ${JSON.stringify(system.description)}\n`;
}
