/**
 * The figures of diagrams, in the reader's browser. Without this script a figure shows its
 * static SVG fitted to the column, or, too large to read fitted, in a window that scrolls
 * (both decided by the stylesheet). With it:
 *
 * - a preview, or a diagram taller than its window, opens on the page's own subject;
 * - the tools are revealed: open larger (the viewer, loaded only then), download as SVG or
 *   PNG, copy the mermaid source, a switch for each kind of relation, and, where the view
 *   reads differently in the current and the target state, a switch between them;
 * - a box can be focused from the address (`#focus=ordering-api`);
 * - diagrams the build could not render (no Chromium) are drawn by mermaid here.
 */
import type { Mermaid } from 'mermaid';
import { copySource, downloadPng, downloadSvg, visibleSvg } from './diagram-export.ts';
import { nodeId } from '../../diagrams/escape.ts';
import { annotate, boxOf, focus, focusOfHash } from './diagram-layers.ts';

function figures(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('figure.as-diagram')];
}

/**
 * Marks the figures that their stylesheet shows as a preview (see astro/diagrams/preview-style.ts:
 * decided before this script runs, so nothing moves), and opens a preview, or a diagram taller
 * than its window, on the page's own subject: scrolling inside a figure moves nothing else.
 *
 * All the figures of the page are read together, then written together: a read after a write
 * makes the browser work out the style and layout of the whole page again. Figure by figure,
 * the example's architecture page (eight figures) did that nine times as this script ran, in
 * 485 ms of Chromium's time; together, twice, in 95 ms (traced at 1440 wide).
 */
function layout(list: readonly HTMLElement[], first: boolean): void {
  const parts = list.flatMap((figure) => {
    const canvas = figure.querySelector<HTMLElement>('.as-diagram-canvas');
    const note = figure.querySelector<HTMLElement>('.as-diagram-more');
    return canvas ? [{ figure, canvas, note, preview: false, scrolls: false }] : [];
  });
  for (const part of parts) part.figure.removeAttribute('data-preview');
  for (const part of parts) part.preview = !!part.note && getComputedStyle(part.note).display !== 'none';
  for (const part of parts) part.figure.toggleAttribute('data-preview', part.preview);
  for (const part of parts) {
    const { canvas } = part;
    part.scrolls = canvas.scrollHeight > canvas.clientHeight + 1 || canvas.scrollWidth > canvas.clientWidth + 1;
  }
  for (const { figure, canvas, scrolls } of parts) {
    // A window that scrolls can be reached and scrolled from the keyboard, and says what it is.
    if (scrolls) {
      canvas.tabIndex = 0;
      canvas.setAttribute('role', 'region');
      canvas.setAttribute(
        'aria-label',
        `${figure.querySelector('figcaption')?.textContent || 'Diagram'}: a part of a larger diagram, scroll it`,
      );
    } else {
      canvas.removeAttribute('tabindex');
      canvas.removeAttribute('role');
      canvas.removeAttribute('aria-label');
    }
  }
  if (first) for (const { figure, canvas, preview, scrolls } of parts) if (preview || scrolls) centre(figure, canvas);
}

/**
 * Scrolls a preview to the page's own subject: its box; a domain's group (its boundary, from
 * its top); the start of a sequence or a deployment; else the middle of the diagram's top.
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
      ? [...svg.querySelectorAll('g.cluster')].find((g) => g.id.endsWith(`-${nodeId(`domain:${of}`)}`))
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
  } else if (view === 'flow' || view === 'event-flow' || view === 'deployment') {
    // A sequence or a flow reads from its start; a deployment from its first node, where traffic enters.
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
  // mermaid as its package ships it, published by the build (see astro/diagrams/mermaid-client.ts), not bundled with this script.
  const src = blocks[0]!.dataset.mermaid;
  if (!src) return;
  const { default: mermaid } = (await import(/* @vite-ignore */ src)) as { default: Mermaid };
  const dark = document.documentElement.dataset.theme === 'dark';
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
  await mermaid.run({ nodes: blocks });
}

/** The figure's SVGs, light and dark. */
function svgsOf(figure: HTMLElement): SVGSVGElement[] {
  return [...figure.querySelectorAll<SVGSVGElement>('.as-diagram-canvas > div > svg')];
}

/** Names each box and edge (see diagram-layers.ts), for the switches the build put in the tools and for focus. */
function addLayers(figure: HTMLElement): void {
  for (const svg of svgsOf(figure)) annotate(svg);
}

/** Focuses every figure of the page on the element the address names (`#focus=ordering-api`), or clears the focus. */
function focusFromAddress(): void {
  const element = focusOfHash(location.hash);
  for (const figure of figures()) {
    let held = false;
    for (const svg of svgsOf(figure)) held = focus(svg, element === undefined ? undefined : boxOf(svg, element)) || held;
    figure.toggleAttribute('data-focused', held);
  }
}

async function act(button: HTMLButtonElement): Promise<void> {
  const figure = button.closest<HTMLElement>('figure.as-diagram');
  if (!figure) return;
  switch (button.dataset.action) {
    case 'layer': {
      const shown = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', String(shown));
      figure.toggleAttribute(`data-hide-${button.dataset.kind}`, !shown);
      break;
    }
    case 'state': {
      // The figure of the state asked for, in the same set (see astro/diagrams/view-figures.ts), takes this one's place.
      const next = figure.parentElement?.querySelector<HTMLElement>(`:scope > figure.as-diagram[data-state="${button.dataset.state}"]`);
      if (!next || next === figure) break;
      figure.hidden = true;
      next.hidden = false;
      layout([next], true);
      next.querySelector<HTMLButtonElement>(`button[data-action="state"][data-state="${button.dataset.state}"]`)?.focus();
      break;
    }
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
  addLayers(figure);
}
layout(figures(), true);
focusFromAddress();
window.addEventListener('hashchange', focusFromAddress);
document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('.as-diagram-tools button');
  if (button) void act(button);
});
let resizing: number | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizing);
  resizing = window.setTimeout(() => layout(figures(), false), 150);
});
void drawInBrowser();
