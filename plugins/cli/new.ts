import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isKind, kindInfo, kindOfFolder, KINDS, type ElementKind } from '../model/kinds.ts';
import { loadModel } from '../model/load.ts';
import { nameFromId } from '../model/names.ts';
import { ID_PATTERN, ID_RULE } from '../model/schemas/common.ts';
import { didYouMean } from '../model/suggest.ts';
import { refusal, UsageError, type CliOptions } from './args.ts';
import { writeProblem } from './write-error.ts';

/**
 * `new <kind> <id>`: writes a new element's file from its kind's scaffold (model/kinds/<kind>.ts), with
 * every section present and commented, pointing at existing elements where it must, so that
 * it checks clean. It never writes over a file: an element with that id is a refusal.
 */
export async function runNew(options: Pick<CliOptions, 'contentDir' | 'newElement'>): Promise<number> {
  const { kind: written, id } = options.newElement!;
  const kind: ElementKind | undefined = isKind(written) ? written : kindOfFolder(written);
  if (!kind) {
    const names = KINDS.map((k) => k.kind);
    throw new UsageError(`unknown kind '${written}'${didYouMean(written, names)}; one of ${names.join(', ')}`);
  }
  if (!ID_PATTERN.test(id)) throw refusal(`'${id}' cannot be an id: ${ID_RULE}`);
  const { folder, scaffold } = kindInfo(kind);
  const dir = path.resolve(options.contentDir, folder);
  const taken = ['yaml', 'yml', 'md', 'mdx'].map((ext) => path.join(dir, `${id}.${ext}`)).find((file) => existsSync(file));
  if (taken) throw refusal(`${path.relative(process.cwd(), taken)} already exists: archsite never writes over a file`);
  // What the new element points at, so that it checks clean: the first of each kind.
  const model = existsSync(options.contentDir) ? (await loadModel({ contentDir: options.contentDir })).model : undefined;
  // An id is taken by any element of the kind, in a file of its own or among the documents of a shared one.
  const existing = model?.byKind[kind].get(id);
  if (existing) throw refusal(`${kind} '${id}' already exists, in ${existing.source.file}: choose another id`);
  const first = (k: ElementKind) => (model ? [...model.byKind[k].keys()][0] : undefined);
  const text = scaffold.text({
    name: nameFromId(id),
    domain: first('domain'),
    team: first('team'),
    service: first('service'),
    today: new Date().toISOString().slice(0, 10),
  });
  const file = path.join(dir, `${id}.${scaffold.extension}`);
  try {
    mkdirSync(dir, { recursive: true });
    // `wx`: never over a file, even one made since the check above.
    writeFileSync(file, text, { flag: 'wx' });
  } catch (error) {
    throw refusal(`cannot write ${path.relative(process.cwd(), file)}: ${writeProblem(error)}`);
  }
  process.stdout.write(`archsite: wrote ${path.relative(process.cwd(), file)}; fill it in, then run npm run check\n`);
  return 0;
}
