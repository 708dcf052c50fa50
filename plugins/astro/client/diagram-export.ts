/** Exporting a figure's diagram as the reader sees it: SVG, PNG (drawn here from the SVG), and its mermaid source. */

/** The SVG shown now: of the page's theme, and, where the figure has a variant for a narrow column, the one its stylesheet shows. */
export function visibleSvg(figure: HTMLElement): SVGSVGElement | undefined {
  const dark = document.documentElement.dataset.theme === 'dark';
  const svgs = [...figure.querySelectorAll<SVGSVGElement>(`.as-diagram-${dark ? 'dark' : 'light'} > svg`)];
  return (
    svgs.find((svg) => svg.parentElement!.getClientRects().length > 0) ??
    svgs[0] ??
    figure.querySelector<SVGSVGElement>('pre.as-mermaid-client svg') ??
    undefined
  );
}

/** A file name for the figure: its caption, or its view and element. */
export function fileName(figure: HTMLElement, extension: string): string {
  const caption = figure.querySelector('figcaption')?.textContent ?? '';
  const name = caption || [figure.dataset.view, figure.dataset.of].filter(Boolean).join('-') || 'diagram';
  return `${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'diagram'
  }.${extension}`;
}

/** The SVG as a standalone file: at its natural size, without the page's fitting. */
export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.style.removeProperty('width');
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0) {
    copy.setAttribute('width', String(Math.ceil(box.width)));
    copy.setAttribute('height', String(Math.ceil(box.height)));
  }
  return new XMLSerializer().serializeToString(copy);
}

function save(blob: Blob, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Saves the diagram as SVG; returns the file's name, or undefined when there is none to save. */
export function downloadSvg(figure: HTMLElement): string | undefined {
  const svg = visibleSvg(figure);
  if (!svg) return undefined;
  const name = fileName(figure, 'svg');
  save(new Blob([svgText(svg)], { type: 'image/svg+xml' }), name);
  return name;
}

/** Draws the SVG on a canvas at twice its size, on the page's background, and saves it as PNG; returns the file's name. */
export async function downloadPng(figure: HTMLElement): Promise<string | undefined> {
  const svg = visibleSvg(figure);
  if (!svg) return undefined;
  const box = svg.viewBox.baseVal;
  const width = Math.ceil(box?.width || svg.getBoundingClientRect().width);
  const height = Math.ceil(box?.height || svg.getBoundingClientRect().height);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText(svg))}`;
  await image.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d')!;
  context.fillStyle = getComputedStyle(document.body).backgroundColor || '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) return undefined;
  const name = fileName(figure, 'png');
  save(blob, name);
  return name;
}

/** The figure's mermaid source: under it, or published beside the page when long. */
export async function sourceOf(figure: HTMLElement): Promise<string | undefined> {
  const inline = figure.querySelector('.as-diagram-source pre code')?.textContent;
  if (inline) return inline;
  const link = figure.querySelector<HTMLAnchorElement>('.as-diagram-source a[data-source]');
  if (!link) return undefined;
  const response = await fetch(link.href);
  return response.ok ? response.text() : undefined;
}

export async function copySource(figure: HTMLElement): Promise<boolean> {
  const text = await sourceOf(figure);
  if (text === undefined) return false;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (a page served over plain http): the old way.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}
