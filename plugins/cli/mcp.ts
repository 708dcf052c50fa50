import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CliOptions } from './args.ts';

/**
 * `mcp`: serves the checked model of the content folder to an AI assistant over the Model
 * Context Protocol, on standard input and output, until the client closes it. Nothing else
 * may write to standard output: it carries the protocol.
 */
export async function runMcp(options: Pick<CliOptions, 'contentDir' | 'today'>): Promise<number> {
  const { StdioServerTransport } = await import('@modelcontextprotocol/sdk/server/stdio.js');
  const { createServer } = await import('../mcp/server.ts');
  const { version } = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
  const { openCheckStore } = await import('./check-store-file.ts');
  const contentDir = path.resolve(options.contentDir);
  const server = createServer({ contentDir, today: options.today, version, store: () => openCheckStore(contentDir) });
  const transport = new StdioServerTransport();
  await server.connect(transport);
  process.stderr.write(`archsite: MCP server on standard input and output, for ${options.contentDir}\n`);
  await new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.on('end', () => resolve());
  });
  return 0;
}
