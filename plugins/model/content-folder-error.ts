/**
 * Thrown for a content folder that does not exist: a usage error, not a content fault. A file
 * of its own, so that the command line can tell it apart without loading the model's reader.
 */
export class ContentFolderError extends Error {
  override readonly name = 'ContentFolderError';
}
