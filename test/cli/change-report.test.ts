import { describe, expect, it } from 'vitest';
import { formatReportMarkdown, type ChangeReport } from '../../plugins/cli/change-report.ts';

const report = (relations: number): ChangeReport => ({
  base: { ref: 'main', commit: 'abc123def456' },
  changes: [{ kind: 'service', id: 'orders', name: 'Orders <b>|', what: 'changed', details: ['owner: a → b'] }],
  relations: {
    added: Array.from({ length: relations }, (_, i) => ({
      verb: 'calls',
      from: { kind: 'service' as const, id: 'orders' },
      to: { kind: 'service' as const, id: `s${i}` },
    })),
    removed: [],
  },
  diagrams: { changed: [], added: [], removed: [] },
  names: new Map([['service:orders', 'Orders']]),
});

describe('the pull-request comment', () => {
  it('escapes what the content names, in tables and lists', () => {
    expect(formatReportMarkdown(report(1))).toContain('| Orders \\<b\\>\\| (`orders`) | changed | owner: a → b |');
  });

  it('folds a long list of relations, and not a short one', () => {
    expect(formatReportMarkdown(report(20))).not.toContain('<details>');
    const long = formatReportMarkdown(report(21));
    expect(long).toContain('<details><summary>21 relations added or removed</summary>');
    expect(long.match(/^- ➕ Orders \(service\) calls s\d+ \(service\)$/gm)).toHaveLength(21);
  });
});
