import path from 'node:path';
import type { Code } from '../codes.ts';
import type { Position } from '../diagnostics.ts';
import { closest } from '../suggest.ts';
import type { FieldPath } from '../yaml-position.ts';

/** A file of an OpenAPI description: the description itself, or one that its `$ref`s read. */
export interface DescriptionFile {
  /** Content path: `services/api/item.yaml`. */
  readonly relative: string;
  readonly value: object;
}

/** What reading a file that a `$ref` names gave: the file, or why it cannot be used. */
export type RefRead =
  | { readonly ok: true; readonly file: DescriptionFile }
  /** Said at the `$ref`: the file is missing, of the wrong type, another element's. */
  | { readonly ok: false; readonly code: Code; readonly message: string }
  /** Said in the file itself, where the fault is: it does not parse, or crosses a limit. */
  | { readonly ok: false; readonly code: Code; readonly message: string; readonly inFile: Position };

/** A fault found while following `$ref`s: at a `$ref` (a field path in `file`), or at a position in `file`. */
export interface RefProblem {
  readonly code: Code;
  /** Content path of the file that holds the fault. */
  readonly file: string;
  readonly at: { readonly path: FieldPath } | { readonly position: Position };
  readonly message: string;
}

/**
 * Follows every `$ref` of an OpenAPI description, file by file, before any library does:
 * each reference is judged as written (a URL, another host, an absolute path, a path that
 * leaves the content folder), each file it names is read by `read` (which applies the
 * content folder's rules and every content file's limits), and each JSON pointer must lead
 * somewhere. Every fault is said at the `$ref` that makes it, naming the reference as
 * written, or in the referenced file where that file is at fault. Nothing is fetched.
 */
export function followRefs(
  root: DescriptionFile,
  read: (relative: string) => RefRead,
): { files: Map<string, DescriptionFile>; problems: RefProblem[] } {
  const files = new Map<string, DescriptionFile>([[root.relative, root]]);
  const failed = new Map<string, RefRead & { ok: false }>();
  const problems: RefProblem[] = [];
  const queue: DescriptionFile[] = [root];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const from = next;
    for (const { ref, at } of refsOf(from.value)) {
      const problem = (code: Code, message: string) => problems.push({ code, file: from.relative, at: { path: at }, message });
      const hash = ref.indexOf('#');
      const filePart = hash === -1 ? ref : ref.slice(0, hash);
      const pointer = hash === -1 ? '' : ref.slice(hash + 1);
      let target = from;
      if (filePart !== '') {
        const judged = judge(filePart, from.relative);
        if (typeof judged !== 'string' || judged === '') {
          problem(
            judged === '' ? 'wrong-file-type' : judged.code,
            `$ref '${ref}' ${judged === '' ? 'names a folder, not a file' : judged.message}`,
          );
          continue;
        }
        let file = files.get(judged);
        if (!file) {
          let result: RefRead | undefined = failed.get(judged);
          if (!result) {
            result = read(judged);
            if (!result.ok) {
              failed.set(judged, result);
              if ('inFile' in result)
                problems.push({ code: result.code, file: judged, at: { position: result.inFile }, message: result.message });
            }
          }
          if (!result.ok) {
            problem(
              result.code,
              `$ref '${ref}' ${'inFile' in result ? 'names a file that cannot be used; see that file' : result.message}`,
            );
            continue;
          }
          file = result.file;
          files.set(judged, file);
          queue.push(file);
        }
        target = file;
      }
      const missing = missingPointer(target.value, pointer);
      if (missing !== undefined)
        problem(
          'invalid-api-description',
          `$ref '${ref}' points at nothing: ${filePart === '' ? 'this file' : `'${filePart}'`} has no '${missing.at}'${missing.hint === undefined ? '' : ` (did you mean '${missing.hint}'?)`}`,
        );
    }
  }
  return { files, problems };
}

/** The content path a `$ref`'s file part names, or why it may not be read. An empty path is a folder. */
function judge(filePart: string, from: string): string | { code: Code; message: string } {
  const outside = (message: string) => ({ code: 'path-outside-content' as const, message });
  if (filePart.startsWith('//')) return outside('names another host; archsite fetches nothing: copy the file into the content folder');
  if (/^[a-z][a-z0-9+.-]*:/i.test(filePart))
    return outside('is a URL; archsite fetches nothing and reads only the content folder: copy the file into it');
  const decoded = decodedPath(filePart);
  if (decoded.startsWith('/') || decoded.startsWith('\\') || path.win32.isAbsolute(decoded))
    return outside('is an absolute path; write the path relative to this file, inside the content folder');
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), decoded));
  if (joined === '..' || joined.startsWith('../')) return outside('leaves the content folder; nothing outside it is read');
  if (decoded.endsWith('/') || joined === '.') return '';
  return joined;
}

/** Every `$ref` string of a document, with its field path, in the order written. Iterative: nesting is bounded by the parser's limit. */
function refsOf(value: object): { ref: string; at: FieldPath }[] {
  const found: { ref: string; at: FieldPath }[] = [];
  const stack: { node: unknown; at: FieldPath }[] = [{ node: value, at: [] }];
  while (stack.length > 0) {
    const { node, at } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((item, i) => [i, item]) : Object.entries(node);
    const ref = Array.isArray(node) ? undefined : (node as Record<string, unknown>).$ref;
    if (typeof ref === 'string' && Object.hasOwn(node, '$ref')) found.push({ ref, at: [...at, '$ref'] });
    for (const [key, child] of entries.reverse()) if (key !== '$ref') stack.push({ node: child, at: [...at, key] });
  }
  return found;
}

/** Where a JSON pointer (`/components/schemas/Item`) stops leading anywhere in a document, with the nearest name there. */
function missingPointer(root: object, pointer: string): { at: string; hint: string | undefined } | undefined {
  if (pointer === '' || pointer === '/') return undefined;
  let node: unknown = root;
  const done: string[] = [];
  for (const part of pointer.replace(/^\//, '').split('/')) {
    const key = decodedPath(part).replace(/~1/g, '/').replace(/~0/g, '~');
    const holder = node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
    if (!holder || !Object.hasOwn(holder, key)) {
      const near = holder ? closest(key, Object.keys(holder)) : undefined;
      return {
        at: `#/${[...done, part].join('/')}`,
        hint: near === undefined ? undefined : `#/${[...done, near.replace(/~/g, '~0').replace(/\//g, '~1')].join('/')}`,
      };
    }
    done.push(part);
    node = holder[key];
  }
  return undefined;
}

/** A `$ref` path percent-decoded where it can be: a malformed `%` is kept as written. */
function decodedPath(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
