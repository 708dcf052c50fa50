import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadModel } from '../../plugins/model/load.ts';
import { formatDiagnostic } from '../../plugins/model/format.ts';

/** Writes a content tree into a new temporary folder: `{ 'content/system.yaml': 'name: X' }`. */
export function writeTree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'archsite-test-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

/** The smallest clean model: one domain, a producer, a consumer and their event. */
export const BASE: Record<string, string> = {
  'content/system.yaml': 'name: Shop\n',
  'content/domains/shop.yaml': 'name: Shop\ntype: core\n',
  'content/services/orders.yaml': 'name: Orders\nresponsibility: Takes orders.\ndomain: shop\nevents:\n  publishes: [order.placed]\n',
  'content/services/billing.yaml': 'name: Billing\nresponsibility: Bills orders.\ndomain: shop\nevents:\n  consumes: [order.placed]\n',
  'content/events/order.placed.yaml': 'name: Order placed\n',
};

/** Checks a tree and returns its diagnostics as printed lines (paths relative to the tree). */
export async function checkTree(files: Record<string, string | Uint8Array>, options: { base?: boolean } = {}): Promise<string[]> {
  const root = writeTree(options.base === false ? files : { ...BASE, ...files });
  return checkFolder(root);
}

export async function checkFolder(root: string, contentDir = 'content'): Promise<string[]> {
  const result = await loadModel({ contentDir, cwd: root });
  return result.diagnostics.map(formatDiagnostic);
}
