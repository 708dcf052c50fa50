import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { CheckStore } from '../../plugins/model/check-store.ts';
import { formatDiagnostic } from '../../plugins/model/format.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { BASE, writeTree } from '../helpers/tree.ts';

const TREE = {
  ...BASE,
  // A Markdown service with a broken link in its prose and a wrong reference in its front matter.
  'content/services/stock.md':
    '---\nname: Stock\nresponsibility: Counts.\ndomain: shopp\n---\n\nSee [the orders](./orders.yaml) and [nothing](./nowhere.md).\n',
};

/** A check of `root` with the store in `file`, saved afterwards as the CLI does. */
async function check(root: string, file: string, key = 'k') {
  const store = CheckStore.open(file, key);
  const result = await loadModel({ contentDir: 'content', cwd: root, store });
  store.save();
  return result;
}

describe('the check store', () => {
  it('gives the same diagnostics and model when files are read from it, at the same positions', async () => {
    const root = writeTree(TREE);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'archsite-store-')), 'store.v8');
    const plain = await loadModel({ contentDir: 'content', cwd: root });
    const first = await check(root, file);
    const again = await check(root, file);
    const lines = plain.diagnostics.map(formatDiagnostic);
    expect(lines).toEqual([
      "content/services/stock.md:4:9 error unknown-reference: domain 'shopp' is not a domain (did you mean 'shop'?)",
      "content/services/stock.md:7:37 error broken-link: link './nowhere.md' points at a file that does not exist",
    ]);
    expect(first.diagnostics.map(formatDiagnostic)).toEqual(lines);
    expect(again.diagnostics.map(formatDiagnostic)).toEqual(lines);
    expect(again.model!.elements.map((el) => [el.kind, el.id, el.data])).toEqual(
      plain.model!.elements.map((el) => [el.kind, el.id, el.data]),
    );
  });

  it('reads a file again once its text changes, and ignores a store written by other code or damaged', async () => {
    const root = writeTree(TREE);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'archsite-store-')), 'store.v8');
    await check(root, file);
    writeFileSync(
      path.join(root, 'content/services/stock.md'),
      '---\nname: Stock\nresponsibility: Counts.\ndomain: shop\n---\n\nNo links.\n',
    );
    expect((await check(root, file)).diagnostics).toEqual([]);
    // A store that another archsite wrote holds nothing for this one.
    const other = CheckStore.open(file, 'another key');
    expect(
      other.lookup('services/stock.md', '---\nname: Stock\nresponsibility: Counts.\ndomain: shop\n---\n\nNo links.\n'),
    ).toBeUndefined();
    writeFileSync(file, 'not a store');
    expect((await check(root, file)).diagnostics).toEqual([]);
  });

  it('ignores a store that does not hold together: an entry of the wrong shape, or entries moved between files', async () => {
    const root = writeTree(TREE);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'archsite-store-')), 'store.v8');
    const expected = (await check(root, file)).diagnostics.map(formatDiagnostic);
    const stored = deserialize(readFileSync(file)) as { key: string; entries: Map<string, Record<string, unknown>> };
    const rewrite = (change: (entries: Map<string, Record<string, unknown>>) => void) => {
      const entries = new Map([...stored.entries].map(([k, v]) => [k, structuredClone(v)]));
      change(entries);
      writeFileSync(file, serialize({ key: stored.key, entries }));
    };
    const orders = 'services/orders.yaml';
    const billing = 'services/billing.yaml';
    const wrong: [string, (entries: Map<string, Record<string, unknown>>) => void][] = [
      ['a value of the wrong shape', (e) => e.set(orders, { hash: 1, fast: 'x' })],
      ['fast of the wrong shape', (e) => e.set(orders, { ...e.get(orders)!, fast: { yamlText: 'x', values: 'not a list' } })],
      ['a body of the wrong shape', (e) => e.set('services/stock.md', { ...e.get('services/stock.md')!, body: { ok: true, links: [{}] } })],
      ['a key that is no path', (e) => e.set(42 as never, e.get(orders)!)],
      [
        'readings swapped between two files, hashes kept',
        (e) => {
          const a = e.get(orders)!;
          const b = e.get(billing)!;
          e.set(orders, { ...a, fast: b.fast });
          e.set(billing, { ...b, fast: a.fast });
        },
      ],
      [
        'whole entries swapped',
        (e) => {
          const a = e.get(orders)!;
          e.set(orders, e.get(billing)!);
          e.set(billing, a);
        },
      ],
      [
        'a body moved from another file',
        (e) => {
          const stock = e.get('services/stock.md')!;
          e.set('services/stock.md', {
            ...stock,
            body: { ok: true, links: [{ url: './elsewhere.md', at: { line: 1, column: 1 }, image: false }], fences: [], diagrams: [] },
          });
        },
      ],
    ];
    for (const [what, change] of wrong) {
      rewrite(change);
      expect((await check(root, file)).diagnostics.map(formatDiagnostic), what).toEqual(expected);
    }
  });
});
