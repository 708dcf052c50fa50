/**
 * Link schemes that run code when a reader follows or loads the link. Browsers read a URL's
 * scheme after dropping leading spaces and control characters and every tab and new line
 * (`java\tscript:` is `javascript:`), and in any letter case: so does this.
 */
const RUNS_CODE = new Set(['javascript', 'vbscript']);

/** The scheme of a URL as a browser reads it, lower-cased; undefined for a relative URL. */
export function urlScheme(url: string): string | undefined {
  const cleaned = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

/**
 * Why a link may not stand in prose, or undefined when it may: `javascript:` and `vbscript:`
 * anywhere, `data:` except an image's source of an image type (`data:image/png;base64,...`).
 */
export function unsafeLinkReason(url: string, image: boolean): string | undefined {
  const scheme = urlScheme(url);
  if (scheme === undefined) return undefined;
  if (RUNS_CODE.has(scheme)) return `a ${scheme}: link runs code in the reader's browser`;
  if (scheme === 'data') {
    const mime =
      /^\s*data:\s*([^;,]*)/i
        .exec(url.replace(/[\t\n\r]/g, ''))?.[1]
        ?.trim()
        .toLowerCase() ?? '';
    if (image && mime.startsWith('image/')) return undefined;
    return image
      ? `a data: image must be of an image type (data:image/...), not '${mime || 'text/plain'}'`
      : 'a data: link can hold a page that runs code; only images may be data: URLs';
  }
  return undefined;
}

/** Shortens a URL for a message: data URLs can be megabytes long. */
export function shownUrl(url: string): string {
  return url.length > 60 ? `${url.slice(0, 57)}...` : url;
}
