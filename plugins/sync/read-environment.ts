import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readCompose } from './compose.ts';
import type { ReadEnvironment } from './environment.ts';
import { readManifests } from './kubernetes.ts';
import { field, parseYamlFile } from './yaml-documents.ts';

/** Thrown for a path that cannot be read at all: the CLI says so in one line (exit 2). */
export class EnvironmentSourceError extends Error {
  override readonly name = 'EnvironmentSourceError';
}

/**
 * Reads what runs in an environment from a compose file, a manifest file, or a folder of
 * manifests (every `.yaml`/`.yml` under it, kustomizations aside). `kind` says which where the
 * user said so; otherwise a file with top-level `services` is a compose file. Paths in
 * diagnostics are relative to `cwd`.
 */
export function readEnvironment(source: string, cwd: string, kind?: 'compose' | 'kubernetes'): ReadEnvironment {
  const full = path.resolve(cwd, source);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    throw new EnvironmentSourceError(`${source} does not exist`);
  }
  const shown = (file: string) => path.relative(cwd, file).split(path.sep).join('/');
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      throw new EnvironmentSourceError(`cannot read ${shown(file)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  };
  if (stat.isDirectory()) {
    if (kind === 'compose') throw new EnvironmentSourceError(`${source} is a folder: name the compose file itself`);
    const files = yamlFiles(full)
      .map((file) => ({ file: shown(file), text: read(file) }))
      // A binary file among the manifests is no manifest.
      .filter((file) => !file.text.includes('\u0000'));
    if (files.length === 0) throw new EnvironmentSourceError(`${source} holds no .yaml or .yml file`);
    return readManifests(files, source);
  }
  const text = read(full);
  if (text.includes('\u0000')) throw new EnvironmentSourceError(`${shown(full)} is not a text file`);
  const parsed = parseYamlFile(shown(full), text);
  const looksCompose = 'documents' in parsed && field(parsed.documents[0]?.value, 'services') !== undefined;
  return (kind ?? (looksCompose ? 'compose' : 'kubernetes')) === 'compose'
    ? readCompose(shown(full), text, source)
    : readManifests([{ file: shown(full), text }], source);
}

/** Every YAML file under a folder, in a stable order; kustomizations, hidden folders and node_modules left out. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name.startsWith('.') || entry.name === 'node_modules' ? [] : yamlFiles(full);
      return /\.ya?ml$/i.test(entry.name) && !/^kustomization\.ya?ml$/i.test(entry.name) ? [full] : [];
    });
}
