import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { bodyFitsText, fitsText, isStoredSource } from './check-store-shape.ts';
import { knownBody, rememberBody, type ParsedBody } from './markdown-body.ts';
import type { FastSource } from './parse-source.ts';
import type { AsyncApiDescription } from './apis/api-description.ts';

interface StoredSource {
  /** The SHA-1 of the file's text: the entry holds only for that text. */
  readonly hash: string;
  readonly fast: FastSource;
  /** The links and fences of its Markdown body, when the check looked. */
  readonly body?: ParsedBody | undefined;
}

/**
 * What `check` read of each content file, kept on disk from one run to the next, so that a
 * check after an edit parses only the files whose text changed. An entry holds for a file
 * only while its text is the same (by hash), and the whole store only for the archsite and
 * Node.js that wrote it (`key`): anything else reads as empty. Only what the fast path read
 * is kept (plain data); a file with faults in it is parsed every time, and positions are
 * found again from the text when a diagnostic needs one.
 */
export class CheckStore {
  readonly #file: string;
  readonly #key: string;
  readonly #entries: Map<string, StoredSource>;
  readonly #seen = new Map<string, StoredSource>();
  /** What API description files described, by the hash of their texts (see `description`). */
  readonly #descriptions: Map<string, AsyncApiDescription>;
  readonly #describedNow = new Map<string, AsyncApiDescription>();

  private constructor(file: string, key: string, entries: Map<string, StoredSource>, descriptions: Map<string, AsyncApiDescription>) {
    this.#file = file;
    this.#key = key;
    this.#entries = entries;
    this.#descriptions = descriptions;
  }

  /** The store at `file`, or an empty one when there is none, it is damaged or another `key` wrote it. */
  static open(file: string, key: string): CheckStore {
    let entries = new Map<string, StoredSource>();
    let descriptions = new Map<string, AsyncApiDescription>();
    try {
      const stored = deserialize(readFileSync(file)) as { key?: unknown; entries?: unknown; descriptions?: unknown };
      if (stored?.key === key && holdsTogether(stored.entries)) {
        entries = stored.entries;
        if (describedTogether(stored.descriptions)) descriptions = stored.descriptions;
      }
    } catch {
      // No store yet, or one that cannot be read: the check reads everything.
    }
    return new CheckStore(file, key, entries, descriptions);
  }

  /** Where the store is, and the key it holds for: what another thread opens it again with. */
  get where(): { readonly file: string; readonly key: string } {
    return { file: this.#file, key: this.#key };
  }

  /** What an earlier run read of this file, if its text is the same. */
  lookup(relative: string, text: string): FastSource | undefined {
    const entry = this.#entries.get(relative);
    if (!entry || entry.hash !== hashOf(text)) return undefined;
    if (!fitsText(entry.fast, text, /\.mdx?$/i.test(relative)) || (entry.body && !bodyFitsText(entry.body, text))) {
      // An entry of another file's: the store does not hold together, and nothing more is taken from it.
      this.#entries.clear();
      return undefined;
    }
    this.#seen.set(relative, entry);
    if (entry.body && entry.fast.body) rememberBody(entry.fast.body, entry.body);
    return entry.fast;
  }

  /** What this run read of a file. */
  record(relative: string, text: string, fast: FastSource): void {
    this.#seen.set(relative, { hash: hashOf(text), fast });
  }

  /**
   * What an earlier run's parser said a valid AsyncAPI document describes, by `describedKey`
   * (its text and the texts of every file its `$ref`s read): the parser, which takes longer to
   * load than a small model takes to check, is loaded only for a document that changed.
   */
  description(key: string): AsyncApiDescription | undefined {
    const known = this.#descriptions.get(key);
    if (known) this.#describedNow.set(key, known);
    return known;
  }

  /** What this run's parser said a valid document describes. */
  recordDescription(key: string, api: AsyncApiDescription): void {
    this.#describedNow.set(key, api);
  }

  /** Writes what this run read (files no longer there are dropped); a store that cannot be written is skipped. */
  save(): void {
    const entries = new Map<string, StoredSource>();
    for (const [relative, entry] of this.#seen) {
      const body = entry.fast.body ? knownBody(entry.fast.body) : undefined;
      // Null-prototype objects (MDX `<Diagram>` attributes) do not survive serialisation: such bodies are parsed every time.
      const keep = body && (!body.ok || body.diagrams.length === 0) ? body : undefined;
      entries.set(relative, { hash: entry.hash, fast: entry.fast, ...(keep ? { body: keep } : {}) });
    }
    try {
      mkdirSync(path.dirname(this.#file), { recursive: true });
      const temporary = `${this.#file}.${process.pid}.tmp`;
      writeFileSync(temporary, serialize({ key: this.#key, entries, descriptions: this.#describedNow }));
      renameSync(temporary, this.#file);
    } catch {
      // A read-only checkout: the next check reads everything again, as without a store.
    }
  }
}

/** A map of content paths to entries of the shape the check reads, every one of them. */
function holdsTogether(entries: unknown): entries is Map<string, StoredSource> {
  if (!(entries instanceof Map)) return false;
  for (const [relative, entry] of entries) if (typeof relative !== 'string' || !isStoredSource(entry)) return false;
  return true;
}

/** Descriptions as this code writes them: a map of hashes to AsyncAPI descriptions. */
function describedTogether(value: unknown): value is Map<string, AsyncApiDescription> {
  if (!(value instanceof Map)) return false;
  for (const [key, api] of value)
    if (typeof key !== 'string' || api === null || typeof api !== 'object' || (api as { format?: unknown }).format !== 'asyncapi')
      return false;
  return true;
}

/** The key of a description: the hash of its file's text and of every file its `$ref`s read, by path. */
export function describedKey(text: string, referenced: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256').update(text);
  for (const [file, other] of [...referenced].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) hash.update(`\0${file}\0${other}`);
  return hash.digest('base64');
}

function hashOf(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}
