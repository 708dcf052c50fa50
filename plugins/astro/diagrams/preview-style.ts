/** The size text is drawn at in a preview, against mermaid's 16 px: 12 px. */
export const PREVIEW_SCALE = 0.75;

/**
 * A figure's preview, decided by its stylesheet before any script runs, so that nothing on
 * the page moves once it has loaded: where the column is narrower than half the diagram,
 * fitted text would be under 8 px (16 px × the fit), so the figure becomes a window that
 * scrolls, with the diagram at a size its text reads (12 px) and a note that there is more.
 * A container query on the figure itself (named after the diagram) decides it, at any
 * width, with or without JavaScript. Undefined for a diagram too small ever to need it.
 */
export function previewStyle(name: string, size: { width: number; height: number }): string | undefined {
  const threshold = Math.floor(size.width / 2);
  // No content column is narrower than this: a smaller diagram is always fitted.
  if (threshold < 280) return undefined;
  return (
    `@container ${name} (max-width: ${threshold - 0.5}px) {` +
    '.as-diagram-canvas{overflow:auto;max-height:70vh;border:1px solid var(--sl-color-gray-5);border-radius:0.5rem;overscroll-behavior:contain}' +
    `.as-diagram-canvas>div>svg{width:${Math.round(size.width * PREVIEW_SCALE)}px!important;max-width:none!important}` +
    '.as-diagram-more{display:block}' +
    '}'
  );
}
