import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from '../../plugins/cli/out-dir.ts';
import { buildSite, FACTS_BASE, FACTS_CONTENT, factsSite, page, type BuildRun } from '../helpers/build.ts';
import { CHROMIUM } from '../helpers/browser.ts';
import { writeTree } from '../helpers/tree.ts';
import { selectAll } from 'hast-util-select';

const cache = () => mkdtempSync(path.join(os.tmpdir(), 'archsite-cache-'));
let first: BuildRun;
let second: BuildRun;

beforeAll(() => {
  // Built with an empty diagram cache, then again, with the same Chromium, from the cache that build filled.
  const built = factsSite('chromium');
  first = built;
  second = buildSite({ content: FACTS_CONTENT, base: FACTS_BASE, env: { ARCHSITE_CACHE_DIR: built.cache } });
});

const figures = (out: string, route: string) =>
  selectAll('figure.as-diagram', page(out, route)).map((f) => `${f.properties.dataView} ${f.properties.dataOf ?? ''}`.trim());

describe('diagrams on the site', () => {
  it('renders every diagram at build time and reuses them all on a rebuild', () => {
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /archsite: (\d+) diagrams, \1 rendered \(\d+ drawn without a browser, \d+ dark ones derived from light\) and 0 from cache/,
    );
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(
      /archsite: (\d+) diagrams, 0 rendered \(0 drawn without a browser, 0 dark ones derived from light\) and \1 from cache/,
    );
  });

  it('places the views on their pages', () => {
    expect(figures(first.out, '')).toEqual(['context']);
    expect(figures(first.out, 'architecture')).toEqual(['context', 'container', 'domain-map', 'entities']);
    expect(figures(first.out, 'services/loans')).toEqual(['neighbourhood loans', 'entities loans']);
    expect(figures(first.out, 'domains/lending')).toEqual(['container lending', 'domain-events lending']);
    expect(figures(first.out, 'events/loan.created')).toEqual(['event-flow loan.created']);
    expect(figures(first.out, 'resources/loans-db')).toEqual(['neighbourhood resource:loans-db']);
    expect(figures(first.out, 'deployments/cloud')).toEqual(['deployment cloud']);
  });

  it('inlines SVG for both themes, with clickable boxes under the base, and the mermaid source', () => {
    const tree = page(first.out, 'services/loans');
    const figure = selectAll('figure[data-view="neighbourhood"]', tree)[0]!;
    expect(selectAll('.as-diagram-light > svg, .as-diagram-dark > svg', figure)).toHaveLength(2);
    const links = selectAll('.as-diagram-light a', figure).map((a) => String(a.properties.xLinkHref));
    expect(links).toContain('/lib/services/lending-api/');
    expect(links).toContain('/lib/systems/sms-gateway/');
    expect(selectAll('details.as-diagram-source code', figure)).toHaveLength(1);
    // The diagrams are not search content.
    expect(figure.properties.dataPagefindIgnore).toBe('');
  });
});

describe('without Chromium', () => {
  it('builds anyway, with one warning, and leaves diagrams to the reader’s browser', () => {
    const run = factsSite('none');
    expect(run.code).toBe(0);
    expect(run.stdout.match(/no Chrome or Chromium found/g)).toHaveLength(1);
    const tree = page(run.out, 'services/loans');
    expect(selectAll('figure.as-diagram svg', tree)).toEqual([]);
    expect(selectAll('figure.as-diagram pre.as-mermaid-client', tree)).toHaveLength(2);
    expect(readFileSync(path.join(run.out, 'services/loans/index.html'), 'utf8')).toMatch(/<script type="module"/);
    // Pages without a diagram load no mermaid.
    expect(readFileSync(path.join(run.out, 'teams/lending-team/index.html'), 'utf8')).not.toContain('as-mermaid-client');
  });
});

describe('a mermaid fence that does not render', () => {
  it('fails the build at the fence’s file and line, and leaves dist/ as it was', () => {
    const root = writeTree({
      'content/system.yaml': 'name: Shop\n',
      'content/docs/flow.md': '---\ntitle: Flow\n---\n\nIntro.\n\n```mermaid\nflowchart LR\n  a -->\n```\n',
    });
    const out = path.join(root, 'dist');
    mkdirSync(out);
    writeFileSync(path.join(out, 'index.html'), 'previous');
    // An earlier archsite output, which is all a build may replace.
    mkdirSync(path.join(out, '_archsite'));
    writeFileSync(path.join(out, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
    const run = buildSite({ content: path.join(root, 'content'), out, env: { ARCHSITE_CACHE_DIR: cache(), ARCHSITE_CHROMIUM: CHROMIUM } });
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(
      /content\/docs\/flow\.md:7:1 error mermaid-syntax: mermaid diagram does not render: Parse error on line \d+/,
    );
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('previous');
    expect(existsSync(path.join(out, 'docs'))).toBe(false);
  });
});
