import { isMap, isNode, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Position } from './diagnostics.ts';

/** A path into a YAML document: mapping keys and sequence indexes. */
export type FieldPath = readonly (string | number)[];

/** Finds where a field of a document is written. */
export interface Locator {
  /** Position of the value at `path`. */
  value(path: FieldPath): Position;
  /** Position of the key of the entry at `path` (its last segment), or of its value. */
  key(path: FieldPath): Position;
}

/**
 * Finds positions inside one parsed YAML document. Paths that run past what the document
 * holds resolve to the deepest node that exists, so a missing field points at the mapping
 * that should hold it.
 */
export class YamlLocator implements Locator {
  readonly #doc: Document;
  readonly #lines: LineCounter;

  constructor(doc: Document, lines: LineCounter) {
    this.#doc = doc;
    this.#lines = lines;
  }

  /** Position of the value at `path`. */
  value(path: FieldPath): Position {
    return this.#position(this.#walk(path, false));
  }

  /** Position of the key of the entry at `path` (its last segment), or of its value. */
  key(path: FieldPath): Position {
    return this.#position(this.#walk(path, true));
  }

  #walk(path: FieldPath, wantKey: boolean): Node | undefined {
    let node: unknown = this.#doc.contents;
    let found: Node | undefined = isNode(node) ? node : undefined;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return found;
        if (last && wantKey && isNode(pair.key)) return pair.key;
        // A key with no value (`owner:`) points at the key itself.
        const empty =
          pair.value === null || (isScalar(pair.value) && pair.value.value === null && pair.value.range?.[0] === pair.value.range?.[1]);
        node = empty ? pair.key : pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
      } else {
        return found;
      }
      if (!isNode(node)) return found;
      found = node;
    }
    return found;
  }

  #position(node: Node | undefined): Position {
    const offset = node?.range?.[0] ?? this.#doc.contents?.range?.[0] ?? this.#doc.range?.[0] ?? 0;
    const { line, col } = this.#lines.linePos(offset);
    return { line, column: col };
  }
}

/**
 * A locator for a document read without positions: it answers at once with positions that
 * are worked out, by `locator()`, only when their line or column is read. Most positions
 * (every reference has one) are never read: only the ones a diagnostic reports.
 */
export class DeferredLocator implements Locator {
  readonly #locator: () => Locator | undefined;

  constructor(locator: () => Locator | undefined) {
    this.#locator = locator;
  }

  value(path: FieldPath): Position {
    return deferredPosition(() => this.#locator()?.value(path));
  }

  key(path: FieldPath): Position {
    return deferredPosition(() => this.#locator()?.key(path));
  }
}

/** A position worked out when first read; the start of the file if there is none. */
export function deferredPosition(find: () => Position | undefined): Position {
  let found: Position | undefined;
  const get = () => (found ??= find() ?? { line: 1, column: 1 });
  return {
    get line() {
      return get().line;
    },
    get column() {
      return get().column;
    },
  };
}
