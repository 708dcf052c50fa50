import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../plugins/cli/args.ts';

const parse = (...argv: string[]) => parseArgs(argv, {});
const refusal = (...argv: string[]) => {
  try {
    parse(...argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  return undefined;
};

describe('the command line', () => {
  it('reads each option, written apart or with =', () => {
    expect(
      parse('check', '--content', 'arch', '--format=json', '--strict', '--min-completeness', '80', '--today=2026-01-31'),
    ).toMatchObject({
      command: 'check',
      contentDir: 'arch',
      format: 'json',
      strict: true,
      minCompleteness: 80,
      today: '2026-01-31',
    });
    expect(parse('check', '--base', 'origin/main', '--format', 'markdown')).toMatchObject({ base: 'origin/main', format: 'markdown' });
    expect(parse('build', '--out', 'site', '--force', '--timings', 't.json')).toMatchObject({
      outDir: 'site',
      force: true,
      timings: 't.json',
    });
    expect(parse('export', '--out', 'model.json')).toMatchObject({ exportOut: 'model.json', outDir: 'dist' });
    expect(parse('new', 'service', 'payments', '--content', 'x')).toMatchObject({
      newElement: { kind: 'service', id: 'payments' },
      contentDir: 'x',
    });
    expect(parseArgs(['check'], { ARCHSITE_CONTENT: 'from-env' }).contentDir).toBe('from-env');
  });

  it('takes --host alone (every address) or with an address', () => {
    expect(parse('dev', '--host').host).toBe(true);
    expect(parse('dev', '--host', '--port', '4000')).toMatchObject({ host: true, port: 4000 });
    expect(parse('dev', '--host', '127.0.0.1').host).toBe('127.0.0.1');
    expect(parse('dev').host).toBeUndefined();
  });

  it.each([
    [['deploy'], "unknown command 'deploy'"],
    [[], 'missing command'],
    [['build', '--contnet', 'content'], "unknown option '--contnet' (did you mean '--content'?)"],
    [['build', '-c'], "unknown option '-c'"],
    [['build', 'content'], "unknown option 'content' (did you mean '--content'?)"],
    [['build', '--strict=yes'], '--strict takes no value'],
    [['check', '--content'], '--content needs a value'],
    [['check', '--content='], '--content needs a value'],
    [['check', '--watch', '--force'], "unknown option '--force' (only build writes a site)"],
    [['dev', '--watch'], "unknown option '--watch' (only check watches; dev reloads by itself)"],
    [['dev', '--port', 'abc'], "--port takes a port number, not 'abc'"],
    [['dev', '--port', '70000'], "--port takes a port number, not '70000'"],
    [['build', '--port', '4321'], "unknown option '--port' (only dev serves the site)"],
    [['check', '--timings', 't.json'], "unknown option '--timings' (only build times its phases)"],
    [['check', '--min-completeness', '101'], "--min-completeness takes a percentage from 0 to 100, not '101'"],
    [['check', '--today', '2026-02-30'], "--today takes a date written YYYY-MM-DD, not '2026-02-30'"],
    [['export', '--today', '2026-01-01'], "unknown option '--today' (only check, build, dev and mcp flag reviews past due)"],
    [['export', '--format', 'text'], "export writes json, not 'text'"],
    [['check', '--format', 'xml'], "unknown format 'xml' (expected text, json, github, markdown)"],
    [['build', '--base', 'main'], "unknown option '--base' (only check compares the architecture with a revision)"],
    [['check', '--base', 'main', '--watch'], '--base compares once: it cannot be combined with --watch'],
    [['check', '--base'], '--base needs a value'],
    [['new', 'service'], 'new takes a kind and an id: new service payment-service'],
    [['check', '--', 'x'], "unknown option '--'"],
  ])('refuses %j: %s', (argv, message) => {
    expect(refusal(...argv)).toBe(message);
  });
});
