import { AstroError } from 'astro/errors';

/**
 * A build stopped by the content (errors from the check, a mermaid fence that does not
 * render), not by a fault of archsite: the report is already logged, each finding at its
 * file, line and column. The CLI exits 1 for it, as the check does.
 */
export class ContentError extends AstroError {
  override name = 'ArchsiteContentError';
}

/** Whether `error` is a ContentError, from whichever copy of this module threw it. */
export function isContentError(error: unknown): error is ContentError {
  return error instanceof Error && error.name === 'ArchsiteContentError';
}
