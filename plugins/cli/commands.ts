/**
 * The archsite command line: `check`, `build`, `dev`, `export`, `new`, `import` and `mcp`. Exit codes: 0 clean, 1 errors in
 * the content (or warnings with --strict), 2 bad usage or a bug in archsite itself. Started by main.js.
 */
import { printable } from '../model/diagnostics.ts';
import { ContentFolderError } from '../model/content-folder-error.ts';
import { USAGE, UsageError, parseArgs } from './args.ts';

// A reader that stops early (`| head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2), process.env);
  // Each command loads its code when it runs: a usage error or a refusal is said in the time Node takes to start.
  switch (options.command) {
    case 'check': {
      if (!options.watch) {
        const { runCheck } = await import('./check.ts');
        return (await runCheck(options)).exitCode;
      }
      const { runCheckWatch } = await import('./watch.ts');
      return runCheckWatch(options);
    }
    case 'build': {
      const { runBuild } = await import('./build.ts');
      return runBuild(options);
    }
    case 'dev': {
      const { runDev } = await import('./build.ts');
      return runDev(options);
    }
    case 'export': {
      const { runExport } = await import('./export.ts');
      return runExport(options);
    }
    case 'new': {
      const { runNew } = await import('./new.ts');
      return runNew(options);
    }
    case 'import': {
      const { runImport } = await import('./import.ts');
      return runImport(options);
    }
    case 'mcp': {
      const { runMcp } = await import('./mcp.ts');
      return runMcp(options);
    }
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`archsite: ${printable(error.message)}\n${error.showUsage ? `\n${USAGE}\n` : ''}`);
    } else if (error instanceof ContentFolderError) {
      process.stderr.write(`archsite: ${printable(error.message)}\n`);
    } else {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(
        `archsite: internal error, this is a bug in archsite, not in your content. Please report it with the output below.\n${detail}\n`,
      );
    }
    process.exitCode = 2;
  },
);
