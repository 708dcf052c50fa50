/** Why a file or folder cannot be written, in words, by Node's error code. */
const WRITE_ERRORS = new Map([
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['EROFS', 'the file system is read-only'],
  ['ENOTDIR', 'a part of its path is a file'],
  ['EEXIST', 'a part of its path is a file'],
  ['EISDIR', 'it is a folder'],
  ['ENOENT', 'a folder on its path cannot be created'],
  ['ENOSPC', 'the disk is full'],
]);

/** A write's failure as the CLI says it, on one line. */
export function writeProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return WRITE_ERRORS.get(code) ?? (error instanceof Error ? error.message : String(error));
}
