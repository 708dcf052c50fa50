import { parseArgs as parse } from 'node:util';
import { OUTPUT_FORMATS, type OutputFormat } from '../model/format.ts';
import { didYouMean } from '../model/suggest.ts';

export const COMMANDS = ['check', 'build', 'dev', 'export', 'new', 'import', 'mcp'] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliOptions {
  readonly command: Command;
  readonly contentDir: string;
  readonly format: OutputFormat;
  readonly strict: boolean;
  /** `check --watch`: check again after every change to the content, until stopped. */
  readonly watch: boolean;
  /** `check --base <git ref>`: also report what the working tree changes in the architecture against that revision. */
  readonly base?: string | undefined;
  /** `check --min-completeness N`: services filling less than N% of the service template are errors. */
  readonly minCompleteness?: number | undefined;
  /** `--today YYYY-MM-DD`: the day reviews are due against (`review-overdue`, and the site's flags); the clock's when unset. */
  readonly today?: string | undefined;
  /** `new <kind> <id>`: the kind and the id of the element to start. */
  readonly newElement?: { readonly kind: string; readonly id: string } | undefined;
  /** `import <source> <path>`: what to import from, and the file or folder to read. */
  readonly importFrom?: { readonly source: ImportSource; readonly path: string } | undefined;
  /** `check --against <compose file | manifest folder>`: compare the model with what is deployed there. */
  readonly against?: string | undefined;
  /** `export --out <file>`: where the model goes (standard output when unset). */
  readonly exportOut?: string | undefined;
  /** Where `build` writes the site. */
  readonly outDir: string;
  /** `build --timings <file>`: where the build writes the time each of its phases took (JSON). */
  readonly timings?: string | undefined;
  /** `build --force`: replace an output folder that archsite did not write. */
  readonly force: boolean;
  /** `dev --port`: the dev server's port (Astro's default when unset). */
  readonly port?: number | undefined;
  /** `dev --host`: the address the dev server listens on; `true` for every address. */
  readonly host?: string | true | undefined;
}

/** What `import` reads. */
export const IMPORT_SOURCES = ['openapi', 'asyncapi', 'compose', 'k8s'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** Thrown for arguments the CLI does not understand or refuses; exits with code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** False for a refusal that one line explains (an output folder archsite must not replace). */
  readonly showUsage: boolean;

  constructor(message: string, options: { showUsage?: boolean } = {}) {
    super(message);
    this.showUsage = options.showUsage ?? true;
  }
}

/** A refusal of well-formed arguments: one line, no usage. */
export const refusal = (message: string) => new UsageError(message, { showUsage: false });

export const USAGE = `usage: archsite <check|build|dev|export|new|import|mcp> [--content <dir>] [--format text|json|github|markdown] [--strict] [--watch] [--base <git ref>] [--against <path>] [--min-completeness <n>] [--today <date>] [--out <dir>] [--force] [--timings <file>] [--port <n>] [--host [address]]

  check    validate the content and print diagnostics (exit 0, or 1 on errors)
  build    check, then build the static site into dist/
  dev      check, then serve the site with live reload
  export   check, then print the resolved model as JSON (--format json; --out <file> to write it)
  new      start an element from its template: new <kind> <id> (new service payment-service)
  import   write elements from what describes the system elsewhere, never over a file:
           import <openapi|asyncapi|compose|k8s> <file or folder>
  mcp      serve the checked model to AI assistants (Model Context Protocol, on standard input and output)

  --content <dir>   the content folder (default: $ARCHSITE_CONTENT or content/)
  --format <f>      text (default), json, github (Actions annotations) or markdown (a pull-request comment)
  --strict          warnings fail too
  --watch           (check) check again after every change to the content, re-reading only what changed
  --base <ref>      (check) also say what the working tree changes in the architecture against a git
                    revision (main, origin/main, a commit): elements, fields, relations, diagrams
  --against <path>  (check) compare the model with what a compose file or a folder of Kubernetes
                    manifests deploys: drift-… warnings
  --min-completeness <n>  (check) services filling less than n% of the service template are errors
  --today <date>    (check, build, dev) the day reviews fall due against, YYYY-MM-DD (default: today, in UTC)
  --out <dir>       where build writes the site (default: dist/): a new or empty folder, or an earlier output
  --force           with --out: replace a folder that archsite did not write
  --timings <file>  (build) write the time each phase of the build took, as JSON
  --port <n>        where dev serves the site (default: 4321)
  --host [address]  the address dev listens on (alone: every address)`;

type OptionName =
  | 'content'
  | 'format'
  | 'strict'
  | 'watch'
  | 'min-completeness'
  | 'today'
  | 'out'
  | 'force'
  | 'timings'
  | 'port'
  | 'host'
  | 'base'
  | 'against';

/** Each option: its type, and the commands that take it (with why the others do not). */
const OPTIONS: Readonly<Record<OptionName, { type: 'string' | 'boolean'; only?: readonly Command[]; why?: string }>> = {
  content: { type: 'string' },
  format: { type: 'string' },
  strict: { type: 'boolean' },
  watch: { type: 'boolean', only: ['check'], why: 'only check watches; dev reloads by itself' },
  'min-completeness': { type: 'string', only: ['check'], why: 'only check scores the template' },
  today: { type: 'string', only: ['check', 'build', 'dev', 'mcp'], why: 'only check, build, dev and mcp flag reviews past due' },
  out: { type: 'string', only: ['build', 'export'], why: 'only build writes a site' },
  force: { type: 'boolean', only: ['build'], why: 'only build writes a site' },
  timings: { type: 'string', only: ['build'], why: 'only build times its phases' },
  port: { type: 'string', only: ['dev'], why: 'only dev serves the site' },
  host: { type: 'string', only: ['dev'], why: 'only dev serves the site' },
  base: { type: 'string', only: ['check'], why: 'only check compares the architecture with a revision' },
  against: { type: 'string', only: ['check'], why: 'only check compares the model with what is deployed' },
};
const FLAGS = Object.keys(OPTIONS).map((name) => `--${name}`);

/**
 * Parses the command line (`archsite check --content x --format json --strict`) with
 * `node:util`'s parseArgs, then checks what it does not: which command takes which option,
 * and each value. Anything not understood is a UsageError (exit 2) that says why, with a
 * "did you mean" for a typo: a typo (`--contnet x`) must never build the default content instead.
 */
export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
  const [command, ...args] = argv;
  if (!isCommand(command)) throw new UsageError(command ? `unknown command '${command}'` : 'missing command');
  const { tokens } = parse({
    args: hostAlone(args),
    options: Object.fromEntries(Object.entries(OPTIONS).map(([name, { type }]) => [name, { type }])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const given = new Map<OptionName, string | true>();
  const positional: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') throw new UsageError(`unknown option '--'`);
    // `new service payment-service`: the kind and the id.
    if (token.kind === 'positional') {
      if (command !== 'new' && command !== 'import')
        throw new UsageError(`unknown option '${token.value}'${didYouMean(token.value, FLAGS)}`);
      positional.push(token.value);
      continue;
    }
    const flag = token.rawName;
    const name = token.name as OptionName;
    if (!flag.startsWith('--') || !Object.hasOwn(OPTIONS, name)) throw new UsageError(`unknown option '${flag}'${didYouMean(flag, FLAGS)}`);
    const option = OPTIONS[name];
    if (option.only && !option.only.includes(command)) throw new UsageError(`unknown option '${flag}' (${option.why})`);
    if (option.type === 'boolean') {
      // `--strict=yes`: a flag that takes no value is written alone.
      if (token.value !== undefined) throw new UsageError(`${flag} takes no value`);
      given.set(name, true);
    } else if (name === 'host' && token.value === '') given.set(name, true);
    else if (token.value === undefined || token.value === '') throw new UsageError(`${flag} needs a value`);
    else given.set(name, token.value);
  }
  return options(command, given, positional, env);
}

/** The options of a command, from the flags given, each value checked. */
function options(
  command: Command,
  given: Map<OptionName, string | true>,
  positional: readonly string[],
  env: NodeJS.ProcessEnv,
): CliOptions {
  const text = (name: OptionName) => {
    const value = given.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  if (command === 'new' && positional.length !== 2) throw new UsageError('new takes a kind and an id: new service payment-service');
  if (command === 'import' && positional.length !== 2)
    throw new UsageError(`import takes a source and a file or folder: import <${IMPORT_SOURCES.join('|')}> <path>`);
  if (command === 'import' && !IMPORT_SOURCES.includes(positional[0] as ImportSource))
    throw new UsageError(
      `unknown import source '${positional[0]}'${didYouMean(positional[0]!, IMPORT_SOURCES)}; one of ${IMPORT_SOURCES.join(', ')}`,
    );
  if (given.has('against') && given.has('watch')) throw new UsageError('--against compares once: it cannot be combined with --watch');
  if (given.has('base') && given.has('watch')) throw new UsageError('--base compares once: it cannot be combined with --watch');
  const format = text('format');
  if (format !== undefined && command === 'export' && format !== 'json') throw new UsageError(`export writes json, not '${format}'`);
  if (format !== undefined && command !== 'export' && !isFormat(format))
    throw new UsageError(`unknown format '${format}' (expected ${OUTPUT_FORMATS.join(', ')})`);
  return {
    command,
    contentDir: text('content') ?? (env.ARCHSITE_CONTENT || 'content'),
    format: format !== undefined && isFormat(format) && command !== 'export' ? format : 'text',
    strict: given.has('strict'),
    watch: given.has('watch'),
    outDir: (command === 'build' && text('out')) || 'dist',
    force: given.has('force'),
    port: checked(text('port'), port),
    host: given.get('host'),
    minCompleteness: checked(text('min-completeness'), percentage),
    today: checked(text('today'), day),
    exportOut: command === 'export' ? text('out') : undefined,
    timings: text('timings'),
    base: text('base'),
    newElement: command === 'new' ? { kind: positional[0]!, id: positional[1]! } : undefined,
    importFrom: command === 'import' ? { source: positional[0] as ImportSource, path: positional[1]! } : undefined,
    against: text('against'),
  };
}

const checked = <T>(value: string | undefined, check: (value: string) => T): T | undefined =>
  value === undefined ? undefined : check(value);

function port(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65535)
    throw new UsageError(`--port takes a port number, not '${value}'`);
  return Number(value);
}

function percentage(value: string): number {
  if (!/^\d{1,3}$/.test(value) || Number(value) > 100)
    throw new UsageError(`--min-completeness takes a percentage from 0 to 100, not '${value}'`);
  return Number(value);
}

function day(value: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || !date.toISOString().startsWith(value))
    throw new UsageError(`--today takes a date written YYYY-MM-DD, not '${value}'`);
  return value;
}

/**
 * `--host` alone listens on every address, as Astro's own flag does; parseArgs has no option
 * whose value may be left out, so a `--host` followed by nothing or by another option is
 * written `--host=` (read back as every address).
 */
function hostAlone(args: readonly string[]): string[] {
  return args.map((arg, i) => (arg === '--host' && (i === args.length - 1 || args[i + 1]!.startsWith('--')) ? '--host=' : arg));
}

const isCommand = (value: string | undefined): value is Command => COMMANDS.includes(value as Command);
const isFormat = (value: string): value is OutputFormat => OUTPUT_FORMATS.includes(value as OutputFormat);
