import { createMarkdownProcessor, type MarkdownHeading } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { visit } from 'unist-util-visit';

/**
 * The newest report of `npm run bench` (committed under bench/results/), as HTML, without its
 * title (the page names the file) and with its headings one level down: the report's sections
 * sit under the page's own "Latest results".
 * The page cache renders the Performance page again when it changes: bench/results is one of
 * the project inputs every page depends on (see page-cache/fingerprint.ts).
 */
export async function latestBenchReport(): Promise<{ name: string | undefined; html: string; headings: MarkdownHeading[] }> {
  // From the working directory, which npm sets to the project: this module runs bundled.
  const results = path.resolve('bench/results');
  const name = readdirSync(results)
    .filter((f) => /^\d{4}-\d{2}-\d{2}\.md$/.test(f))
    .sort()
    .at(-1);
  const report = name ? readFileSync(path.join(results, name), 'utf8').replace(/^\s*# .*\n/, '') : 'No benchmark has been recorded yet.';
  const processor = await createMarkdownProcessor({ remarkPlugins: [nestHeadings] });
  const { code, metadata } = await processor.render(report);
  return { name, html: code, headings: metadata.headings };
}

/** Moves every heading one level down (`##` becomes `<h3>`). */
function nestHeadings() {
  return (tree: Root) =>
    visit(tree, 'heading', (heading) => {
      heading.depth = Math.min(6, heading.depth + 1) as typeof heading.depth;
    });
}
