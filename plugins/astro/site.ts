import path from 'node:path';
import type { DiagramView } from '../diagrams/index.ts';
import type { LoadResult } from '../model/load.ts';
import type { Model } from '../model/model.ts';
import type { DiagramMode, Site, SiteFile } from '../pages/site.ts';
import { gitInfo } from './git-dates.ts';
import { contractHistory } from './contract-history.ts';
import { gitHistory } from './git-history.ts';
import type { Settings } from './settings.ts';
import type { RenderedDiagram, SvgStore } from './diagrams/svg-store.ts';

export interface SiteInputs {
  readonly settings: Settings;
  /** The checked content: its model and the documents the check read. */
  readonly checked: Pick<LoadResult, 'documents' | 'assets'> & { readonly model: Model };
  /** Every generated view, by view key (see diagrams/prerender.ts). */
  readonly views: ReadonlyMap<string, DiagramView | null>;
  readonly mode: DiagramMode;
  readonly store: SvgStore;
  /** What git said, read already by the build this site is a copy of (a page thread's, see prerender/page-thread.ts). */
  readonly known?: Pick<Site, 'git' | 'history'> | undefined;
  /**
   * Draws in Node a diagram a page asks for before the store has it (see diagrams/drawn/draw.ts,
   * `nodeDrawer`): the dev server's, while its diagrams are rendered in the background.
   */
  readonly draw?: ((text: string) => RenderedDiagram | undefined) | undefined;
}

/**
 * The build's `site` (see pages/site.ts): the model and everything read beside it, read
 * here once. Git is asked once for every content file's last commit date.
 */
export function createSite({ settings, checked, views, mode, store, known, draw }: SiteInputs): Site {
  const { model } = checked;
  const files = new Map<string, SiteFile>(
    [...checked.documents].map(([file, doc]) => [file, { text: doc.text, value: doc.value, api: doc.api }]),
  );
  const git = known?.git ?? readGit(model);
  return Object.freeze({
    model,
    base: settings.base,
    today: settings.today,
    git,
    files,
    assets: checked.assets,
    diagrams: Object.freeze({ mode, views, rendered: renderedFrom(store, draw) }),
    history: known?.history ?? Object.freeze({ ...gitHistory(model.contentDir), versions: contractHistory(model, git.top, files) }),
  });
}

/** What git says of the content: its top, each content file's last commit date, the branch and the remote. */
function readGit(model: Model): Site['git'] {
  const git = gitInfo(model.contentDir);
  const dates = new Map<string, Date>();
  if (git)
    for (const [file, date] of git.dates) {
      const relative = path.relative(model.contentDir, file);
      if (!relative.startsWith('..') && !path.isAbsolute(relative)) dates.set(relative.split(path.sep).join('/'), date);
    }
  return Object.freeze({ top: git?.top, dates, branch: git?.branch, repository: git?.repository });
}

/**
 * A diagram's SVGs, as the store keeps them. While the dev server's diagrams are rendered in
 * the background, a small flowchart or entity diagram a page asks for first is drawn in Node then and there
 * (milliseconds, by `draw`), and kept: the page shows it as the build will, not drawn by the browser.
 */
function renderedFrom(
  store: SvgStore,
  draw: ((text: string) => RenderedDiagram | undefined) | undefined,
): (text: string) => RenderedDiagram | undefined {
  return (text) => {
    const kept = store.diagram(text);
    if (kept || !draw) return kept;
    const drawn = draw(text);
    if (drawn) store.storeBoth(text, drawn);
    return drawn;
  };
}
