/**
 * The figures of diagrams, in the reader's browser. Without this script a figure shows its
 * static SVG fitted to the column. With it:
 *
 * - a diagram that would be unreadable fitted (text under 8 px, or far taller than the screen)
 *   is shown as a readable preview: a scrollable window on it at a size its text can be read,
 *   opened on the page's own box, with a note that there is more;
 * - the tools are revealed: open larger (the viewer, loaded only then), download as SVG or
 *   PNG, copy the mermaid source;
 * - diagrams the build could not render (no Chromium) are drawn by mermaid here.
 */
import { copySource, downloadPng, downloadSvg, visibleSvg } from './diagram-export.ts';

/** mermaid's text size, at the diagram's own scale. */
const FONT_PX = 16;
/** The size text is shown at in a preview. */
const PREVIEW_TEXT_PX = 12;

function figures(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('figure.as-diagram')];
}

/**
 * Fits a figure to its column, or makes it a preview when fitted text would be too small to
 * read or it would be far taller than the screen. The first case is the stylesheet's,
 * decided before this script runs (see astro/diagrams/preview-style.ts), so nothing moves;
 * this script adds the second, which depends on the screen's height, and opens a preview on
 * the page's own subject.
 */
function layout(figure: HTMLElement, first: boolean): void {
  const width = Number(figure.dataset.width);
  const height = Number(figure.dataset.height);
  const canvas = figure.querySelector<HTMLElement>('.as-diagram-canvas');
  if (!canvas || !(width > 0) || !(height > 0)) return;
  const svgs = [...canvas.querySelectorAll<SVGSVGElement>(':scope > div > svg')];
  for (const svg of svgs) svg.style.removeProperty('width');
  figure.removeAttribute('data-preview');
  const styled = getComputedStyle(canvas).overflowY === 'auto';
  const fit = Math.min(1, canvas.clientWidth / width);
  const tall = !styled && height * fit > window.innerHeight * 1.5;
  if (!styled && !tall) return;
  figure.setAttribute('data-preview', '');
  if (tall) {
    const scale = Math.min(1, Math.max(fit, PREVIEW_TEXT_PX / FONT_PX));
    for (const svg of svgs) svg.style.width = `${Math.round(width * scale)}px`;
  }
  if (first) centre(figure, canvas);
}

/**
 * Scrolls a preview to the page's own subject: its box; a domain's group (its boundary, from
 * its top); the start of a sequence; else the middle of the diagram's top.
 */
function centre(figure: HTMLElement, canvas: HTMLElement): void {
  const svg = visibleSvg(figure);
  if (!svg) return;
  const here = figure.dataset.here;
  const own = here
    ? [...svg.querySelectorAll('a')].find((a) => (a.getAttribute('href') ?? a.getAttribute('xlink:href')) === here)
    : undefined;
  const { view, of } = figure.dataset;
  // A domain's own views draw it as a boundary, `domain_<id>` (see diagrams/flowchart.ts).
  const group =
    !own && of && (view === 'container' || view === 'domain-events')
      ? [...svg.querySelectorAll('g.cluster')].find((g) =>
          g.id.endsWith(`-domain_${of.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`),
        )
      : undefined;
  const box = canvas.getBoundingClientRect();
  if (own) {
    const target = own.getBoundingClientRect();
    canvas.scrollLeft += target.left + target.width / 2 - (box.left + box.width / 2);
    canvas.scrollTop += target.top + target.height / 2 - (box.top + box.height / 2);
  } else if (group) {
    const target = group.getBoundingClientRect();
    canvas.scrollLeft += target.width > box.width ? target.left - box.left : target.left + target.width / 2 - (box.left + box.width / 2);
    canvas.scrollTop += target.top - box.top;
  } else if (view === 'flow' || view === 'event-flow') {
    // A sequence or a flow reads from its start.
    canvas.scrollLeft = 0;
    canvas.scrollTop = 0;
  } else {
    canvas.scrollLeft = (canvas.scrollWidth - canvas.clientWidth) / 2;
  }
}

/** Draws the diagrams the build left to the browser (no Chromium where it ran). */
async function drawInBrowser(): Promise<void> {
  const blocks = [...document.querySelectorAll<HTMLElement>('pre.as-mermaid-client')];
  if (blocks.length === 0) return;
  const { default: mermaid } = await import('mermaid');
  const dark = document.documentElement.dataset.theme === 'dark';
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
  await mermaid.run({ nodes: blocks });
}

async function act(button: HTMLButtonElement): Promise<void> {
  const figure = button.closest<HTMLElement>('figure.as-diagram');
  if (!figure) return;
  switch (button.dataset.action) {
    case 'open': {
      const { openViewer } = await import('./diagram-viewer.ts');
      openViewer(figure, button);
      break;
    }
    case 'svg':
      downloadSvg(figure);
      break;
    case 'png':
      await downloadPng(figure);
      break;
    case 'copy': {
      const copied = await copySource(figure);
      const label = button.textContent;
      button.textContent = copied ? 'Copied' : 'Copy failed';
      setTimeout(() => (button.textContent = label), 1500);
      break;
    }
  }
}

for (const figure of figures()) {
  figure.querySelector<HTMLElement>('.as-diagram-tools')?.removeAttribute('hidden');
  layout(figure, true);
}
document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('.as-diagram-tools button');
  if (button) void act(button);
});
let resizing: number | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizing);
  resizing = window.setTimeout(() => figures().forEach((f) => layout(f, false)), 150);
});
void drawInBrowser();
