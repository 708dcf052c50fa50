import { OUTPUT_FORMATS, type OutputFormat } from '../model/format.ts';
import { didYouMean } from '../model/suggest.ts';

export const COMMANDS = ['check', 'build', 'dev', 'export', 'new'] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliOptions {
  readonly command: Command;
  readonly contentDir: string;
  readonly format: OutputFormat;
  readonly strict: boolean;
  /** `check --watch`: check again after every change to the content, until stopped. */
  readonly watch: boolean;
  /** `check --min-completeness N`: services filling less than N% of the service template are errors. */
  readonly minCompleteness?: number | undefined;
  /** `--today YYYY-MM-DD`: the day reviews are due against (`review-overdue`, and the site's flags); the clock's when unset. */
  readonly today?: string | undefined;
  /** `new <kind> <id>`: the kind and the id of the element to start. */
  readonly newElement?: { readonly kind: string; readonly id: string } | undefined;
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

export const USAGE = `usage: archsite <check|build|dev|export|new> [--content <dir>] [--format text|json|github] [--strict] [--watch] [--min-completeness <n>] [--today <date>] [--out <dir>] [--force] [--timings <file>] [--port <n>] [--host [address]]

  check    validate the content and print diagnostics (exit 0, or 1 on errors)
  build    check, then build the static site into dist/
  dev      check, then serve the site with live reload
  export   check, then print the resolved model as JSON (--format json; --out <file> to write it)
  new      start an element from its template: new <kind> <id> (new service payment-service)

  --content <dir>   the content folder (default: $ARCHSITE_CONTENT or content/)
  --format <f>      text (default), json, or github (Actions annotations)
  --strict          warnings fail too
  --watch           (check) check again after every change to the content, re-reading only what changed
  --min-completeness <n>  (check) services filling less than n% of the service template are errors
  --today <date>    (check, build, dev) the day reviews fall due against, YYYY-MM-DD (default: today, in UTC)
  --out <dir>       where build writes the site (default: dist/): a new or empty folder, or an earlier output
  --force           with --out: replace a folder that archsite did not write
  --timings <file>  (build) write the time each phase of the build took, as JSON
  --port <n>        where dev serves the site (default: 4321)
  --host [address]  the address dev listens on (alone: every address)`;

/** Parses the command line: `archsite check --content x --format json --strict`. */
export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
  const [command, ...args] = argv;
  if (!COMMANDS.includes(command as Command)) throw new UsageError(command ? `unknown command '${command}'` : 'missing command');
  let contentDir = env.ARCHSITE_CONTENT || 'content';
  let format: OutputFormat = 'text';
  let strict = false;
  let watch = false;
  let outDir = 'dist';
  let force = false;
  let port: number | undefined;
  let host: string | true | undefined;
  let minCompleteness: number | undefined;
  let today: string | undefined;
  let exportOut: string | undefined;
  let timings: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    // `new service payment-service`: the kind and the id come before any option.
    if (command === 'new' && !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    // `--strict=yes`: a flag that takes no value is written alone.
    if (inline !== undefined && (flag === '--strict' || flag === '--force' || flag === '--watch'))
      throw new UsageError(`${flag} takes no value`);
    switch (flag) {
      case '--content':
        contentDir = value();
        break;
      case '--format': {
        const v = value();
        if (command === 'export') {
          if (v !== 'json') throw new UsageError(`export writes json, not '${v}'`);
          break;
        }
        if (!OUTPUT_FORMATS.includes(v as OutputFormat))
          throw new UsageError(`unknown format '${v}' (expected ${OUTPUT_FORMATS.join(', ')})`);
        format = v as OutputFormat;
        break;
      }
      case '--strict':
        strict = true;
        break;
      case '--watch':
        if (command !== 'check') throw new UsageError(`unknown option '${arg}' (only check watches; dev reloads by itself)`);
        watch = true;
        break;
      case '--port': {
        if (command !== 'dev') throw new UsageError(`unknown option '${arg}' (only dev serves the site)`);
        const v = value();
        if (!/^\d{1,5}$/.test(v) || Number(v) < 1 || Number(v) > 65535) throw new UsageError(`--port takes a port number, not '${v}'`);
        port = Number(v);
        break;
      }
      case '--host':
        if (command !== 'dev') throw new UsageError(`unknown option '${arg}' (only dev serves the site)`);
        // `--host` alone listens on every address, as Astro's own flag does.
        host = inline ?? (args[i + 1] !== undefined && !args[i + 1]!.startsWith('--') ? args[++i]! : true);
        break;
      case '--min-completeness': {
        if (command !== 'check') throw new UsageError(`unknown option '${arg}' (only check scores the template)`);
        const v = value();
        if (!/^\d{1,3}$/.test(v) || Number(v) > 100)
          throw new UsageError(`--min-completeness takes a percentage from 0 to 100, not '${v}'`);
        minCompleteness = Number(v);
        break;
      }
      case '--today': {
        if (command !== 'check' && command !== 'build' && command !== 'dev')
          throw new UsageError(`unknown option '${arg}' (only check, build and dev flag reviews past due)`);
        const v = value();
        const day = /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : undefined;
        if (!day || Number.isNaN(day.getTime()) || !day.toISOString().startsWith(v))
          throw new UsageError(`--today takes a date written YYYY-MM-DD, not '${v}'`);
        today = v;
        break;
      }
      case '--out':
        if (command === 'export') {
          exportOut = value();
          break;
        }
        if (command !== 'build') throw new UsageError(`unknown option '${arg}' (only build writes a site)`);
        outDir = value();
        break;
      case '--timings':
        if (command !== 'build') throw new UsageError(`unknown option '${arg}' (only build times its phases)`);
        timings = value();
        break;
      case '--force':
        if (command !== 'build') throw new UsageError(`unknown option '${arg}' (only build writes a site)`);
        force = true;
        break;
      default:
        // A typo (`--contnet x`) must never build the default content instead.
        throw new UsageError(`unknown option '${arg}'${didYouMean(flag, OPTIONS)}`);
    }
  }
  let newElement: CliOptions['newElement'];
  if (command === 'new') {
    if (positional.length !== 2) throw new UsageError('new takes a kind and an id: new service payment-service');
    newElement = { kind: positional[0]!, id: positional[1]! };
  }
  return {
    command: command as Command,
    contentDir,
    format,
    strict,
    watch,
    outDir,
    force,
    port,
    host,
    minCompleteness,
    today,
    exportOut,
    timings,
    newElement,
  };
}

const OPTIONS = [
  '--content',
  '--format',
  '--strict',
  '--watch',
  '--min-completeness',
  '--today',
  '--out',
  '--force',
  '--timings',
  '--port',
  '--host',
];
