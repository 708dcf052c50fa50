import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The newest report of `npm run bench` (committed under bench/results/), as HTML. The page
 * cache renders the Performance page again when it changes: bench/results is one of the
 * project inputs every page depends on (see page-cache/fingerprint.ts).
 */
export async function latestBenchReport(): Promise<{ name: string | undefined; html: string }> {
  // From the working directory, which npm sets to the project: this module runs bundled.
  const results = path.resolve('bench/results');
  const name = readdirSync(results)
    .filter((f) => /^\d{4}-\d{2}-\d{2}\.md$/.test(f))
    .sort()
    .at(-1);
  const report = name ? readFileSync(path.join(results, name), 'utf8').replace(/^# .*\n/, '') : 'No benchmark has been recorded yet.';
  const { code } = await (await createMarkdownProcessor()).render(report);
  return { name, html: code };
}
