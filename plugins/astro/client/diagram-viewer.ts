/**
 * The full-screen viewer of a diagram, loaded the first time a reader opens one: a modal
 * dialog (focus stays inside, Escape closes it, focus goes back to the button that opened
 * it) with the diagram to pan and zoom (drag, wheel, pinch, `+` `-` `0`), its links
 * working, and the export tools.
 */
import Panzoom, { type PanzoomObject } from '@panzoom/panzoom';
import { copySource, downloadPng, downloadSvg, visibleSvg } from './diagram-export.ts';

/** A drag longer than this is a pan: the click that ends it does not follow a link. */
const DRAG_PX = 5;

function button(action: string, text: string, label: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.dataset.viewer = action;
  b.textContent = text;
  b.title = label;
  b.setAttribute('aria-label', label);
  return b;
}

export function openViewer(figure: HTMLElement, opener: HTMLElement): void {
  const svg = visibleSvg(figure);
  if (!svg) return;
  const title = figure.querySelector('figcaption')?.textContent || 'Diagram';
  const width = Number(figure.dataset.width) || svg.viewBox.baseVal.width || svg.getBoundingClientRect().width;
  const height = Number(figure.dataset.height) || svg.viewBox.baseVal.height || svg.getBoundingClientRect().height;

  const dialog = document.createElement('dialog');
  dialog.className = 'as-viewer';
  dialog.setAttribute('aria-label', title);
  const header = document.createElement('div');
  header.className = 'as-viewer-tools';
  const heading = document.createElement('h2');
  heading.textContent = title;
  const close = button('close', 'Close', 'Close (Escape)');
  header.append(
    heading,
    button('out', '−', 'Zoom out (-)'),
    button('in', '+', 'Zoom in (+)'),
    button('fit', 'Fit', 'Fit to the screen (0)'),
    button('svg', 'SVG', 'Download as SVG'),
    button('png', 'PNG', 'Download as PNG'),
    button('copy', 'Copy source', 'Copy the mermaid source'),
    close,
  );
  const stage = document.createElement('div');
  stage.className = 'as-viewer-stage';
  stage.tabIndex = 0;
  stage.setAttribute('aria-label', `${title}: drag to pan, wheel or + and - to zoom, 0 to fit`);
  const holder = document.createElement('div');
  holder.className = 'as-viewer-diagram';
  const copy = svg.cloneNode(true) as SVGSVGElement;
  // The SVG's styles and markers are scoped by its id: the copy gets one of its own, unique on the page.
  if (svg.id) {
    const id = `${svg.id}-viewer`;
    copy.innerHTML = copy.innerHTML.replaceAll(svg.id, id);
    copy.id = id;
  }
  copy.style.width = `${width}px`;
  copy.style.maxWidth = 'none';
  holder.style.width = `${width}px`;
  holder.style.height = `${height}px`;
  holder.append(copy);
  stage.append(holder);
  dialog.append(header, stage);
  document.body.append(dialog);
  dialog.showModal();

  const panzoom: PanzoomObject = Panzoom(holder, { origin: '0 0', minScale: 0.02, maxScale: 8, step: 0.25, cursor: 'grab' });
  const fit = () => {
    const scale = Math.min(1, (stage.clientWidth * 0.96) / width, (stage.clientHeight * 0.96) / height);
    panzoom.zoom(scale, { animate: false, force: true });
    // Panzoom translates in unscaled units: centre the diagram in the stage.
    panzoom.pan((stage.clientWidth / scale - width) / 2, (stage.clientHeight / scale - height) / 2, { animate: false, force: true });
  };
  fit();
  stage.addEventListener('wheel', panzoom.zoomWithWheel);
  // Buttons and keys zoom about the middle of the screen, as the wheel does about the pointer.
  const zoomBy = (factor: number) => {
    const box = stage.getBoundingClientRect();
    panzoom.zoomToPoint(panzoom.getScale() * factor, { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 });
  };

  // A pan that ends on a box is not a click on its link.
  let down: { x: number; y: number } | undefined;
  stage.addEventListener('pointerdown', (e) => (down = { x: e.clientX, y: e.clientY }), { capture: true });
  stage.addEventListener(
    'click',
    (e) => {
      if (down && Math.hypot(e.clientX - down.x, e.clientY - down.y) > DRAG_PX) e.preventDefault();
    },
    { capture: true },
  );

  dialog.addEventListener('keydown', (e) => {
    // Tab cycles through the viewer: the page behind it is out of reach while it is open.
    if (e.key === 'Tab') {
      const stops = [...dialog.querySelectorAll<HTMLElement>('button, [tabindex="0"], a[href]')];
      const at = stops.indexOf(document.activeElement as HTMLElement);
      const next = e.shiftKey ? (at <= 0 ? stops.length - 1 : at - 1) : at === -1 || at === stops.length - 1 ? 0 : at + 1;
      stops[next]?.focus();
      e.preventDefault();
      return;
    }
    if (e.target instanceof HTMLButtonElement && (e.key === 'Enter' || e.key === ' ')) return;
    if (e.key === '+' || e.key === '=') zoomBy(1.25);
    else if (e.key === '-' || e.key === '_') zoomBy(0.8);
    else if (e.key === '0') fit();
    else return;
    e.preventDefault();
  });
  header.addEventListener('click', async (e) => {
    const action = (e.target as Element).closest<HTMLButtonElement>('button')?.dataset.viewer;
    if (action === 'close') dialog.close();
    else if (action === 'in') zoomBy(1.25);
    else if (action === 'out') zoomBy(0.8);
    else if (action === 'fit') fit();
    else if (action === 'svg') downloadSvg(figure);
    else if (action === 'png') await downloadPng(figure);
    else if (action === 'copy') await copySource(figure);
  });
  dialog.addEventListener('close', () => {
    panzoom.destroy();
    dialog.remove();
    opener.focus();
  });
  stage.focus();
}
