/** Wider than this, a diagram fitted to the page column would be too small to read. */
const MAX_FITTED_WIDTH = 1100;

/**
 * mermaid fits every diagram to the column (`width="100%"`, its natural width as max-width).
 * A large one is instead shown at its own size, and the page scrolls it sideways.
 */
export function naturalSize(svg: string): string {
  const natural = Number(/style="max-width: ([\d.]+)px;?"/.exec(svg)?.[1]);
  if (!natural || natural <= MAX_FITTED_WIDTH) return svg;
  return svg.replace(/^<svg([^>]*?) width="100%"/, `<svg$1 width="${Math.ceil(natural)}"`);
}
