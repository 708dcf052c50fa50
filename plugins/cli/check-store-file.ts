import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CheckStore } from '../model/check-store.ts';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
const MODEL = path.join(PROJECT_ROOT, 'plugins/model');

/**
 * The store of what `check` read (see model/check-store.ts) for one content folder, under
 * `node_modules/.cache/archsite/check/`. It holds only for the code that reads content as it
 * is now: its key is the hash of plugins/model/, the Node.js version and the AsyncAPI parser's.
 */
export function openCheckStore(contentDir: string): CheckStore {
  return CheckStore.open(checkStorePath(contentDir), storeKey());
}

/** Where the store of a content folder is. */
export function checkStorePath(contentDir: string): string {
  const folder = createHash('sha256').update(path.resolve(contentDir)).digest('hex').slice(0, 16);
  return path.join(PROJECT_ROOT, 'node_modules/.cache/archsite/check', `${folder}.v8`);
}

function storeKey(): string {
  // The AsyncAPI parser's version too: the store keeps what it described.
  const hash = createHash('sha256').update(process.version).update(packageVersion('@asyncapi/parser'));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) hash.update(entry.name).update(readFileSync(full));
    }
  };
  walk(MODEL);
  return hash.digest('hex');
}

/** An installed package's version, or nothing where it cannot be read. */
function packageVersion(name: string): string {
  try {
    return String(
      (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version?: unknown }).version,
    );
  } catch {
    return '';
  }
}
