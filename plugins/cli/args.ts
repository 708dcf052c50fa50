import { OUTPUT_FORMATS, type OutputFormat } from '../model/format.ts';

export const COMMANDS = ['check', 'build', 'dev'] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliOptions {
  readonly command: Command;
  readonly contentDir: string;
  readonly format: OutputFormat;
  readonly strict: boolean;
  /** Where `build` writes the site. */
  readonly outDir: string;
  /** Arguments passed through to Astro (`build`, `dev`). */
  readonly rest: readonly string[];
}

/** Thrown for arguments the CLI does not understand; exits with code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `usage: archsite <check|build|dev> [--content <dir>] [--format text|json|github] [--strict] [--out <dir>]

  check    validate the content and print diagnostics (exit 0, or 1 on errors)
  build    check, then build the static site into dist/
  dev      check, then serve the site with live reload

  --content <dir>   the content folder (default: $ARCHSITE_CONTENT or content/)
  --format <f>      text (default), json, or github (Actions annotations)
  --strict          warnings fail too
  --out <dir>       where build writes the site (default: dist/)`;

/** Parses the command line: `archsite check --content x --format json --strict`. */
export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
  const [command, ...args] = argv;
  if (!COMMANDS.includes(command as Command)) throw new UsageError(command ? `unknown command '${command}'` : 'missing command');
  let contentDir = env.ARCHSITE_CONTENT || 'content';
  let format: OutputFormat = 'text';
  let strict = false;
  let outDir = 'dist';
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--content':
        contentDir = value();
        break;
      case '--format': {
        const v = value();
        if (!OUTPUT_FORMATS.includes(v as OutputFormat))
          throw new UsageError(`unknown format '${v}' (expected ${OUTPUT_FORMATS.join(', ')})`);
        format = v as OutputFormat;
        break;
      }
      case '--strict':
        strict = true;
        break;
      case '--out':
        if (command === 'check') throw new UsageError(`unknown option '${arg}'`);
        outDir = value();
        break;
      default:
        if (command === 'check') throw new UsageError(`unknown option '${arg}'`);
        rest.push(arg);
    }
  }
  return { command: command as Command, contentDir, format, strict, outDir, rest };
}
