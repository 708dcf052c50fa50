import { publishBuild } from 'archsite/build-state';
import { parentPort, workerData } from 'node:worker_threads';
import { CheckStore } from '../../model/check-store.ts';
import { loadModel } from '../../model/load.ts';
import { SvgStore } from '../diagrams/svg-store.ts';
import { releaseMemory } from '../release-memory.ts';
import { createSite } from '../site.ts';
import { siteDigest } from './site-digest.ts';
import { ThreadPages } from './thread-pages.ts';
import type { ThreadGo, ThreadMessage, ThreadOrder, ThreadRequest, ThreadStart } from './thread-protocol.ts';

/**
 * A page thread (see page-threads.ts): reads the content again as the build starts; once
 * told to go, checks that its site is the build's, loads the pages' code as Astro bundled
 * it, and renders the pages it is sent, with the build's middleware (each page gets the
 * site, and records what it reads).
 */

/** The structural part of Astro's build app this thread uses (its `app` export, see default-prerenderer.js in Astro). */
interface BuildApp {
  readonly manifest: { readonly routes: readonly { readonly routeData: RouteData }[] };
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
  render(request: Request, options: { routeData: RouteData }): Promise<Response>;
}
interface RouteData {
  readonly route: string;
  readonly component: string;
}

/** Thrown where a page asks for an optimized image: Astro collects those in the build's own thread. */
class ImageElsewhere extends Error {}
const ELSEWHERE = 'archsite: an optimized image is made in the build’s own thread';

const start = workerData as ThreadStart;
const port = parentPort!;
const say = (message: ThreadMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

type Opened = { app: BuildApp; routes: Map<string, RouteData>; pages: ThreadPages | undefined };

// Read as the build starts, beside Astro's bundling: what the thread renders with comes once that is done.
// Only what a site holds is kept: the rest of the check (where each field is written, for
// diagnostics) is let go.
const loading = loadModel({
  contentDir: start.settings.contentDir,
  cwd: start.cwd,
  codeRules: false,
  store: start.checkStore && CheckStore.open(start.checkStore.file, start.checkStore.key),
}).then(({ model, documents, assets }) => {
  // What reading left behind goes now, not while the build draws its diagrams beside this thread waiting (100 MB at N=1,000).
  releaseMemory();
  return { model, documents, assets };
});
// Said when told to go, not before.
loading.catch(() => undefined);

async function open(go: ThreadGo): Promise<Opened | string> {
  const checked = await loading;
  if (!checked.model) return 'the content no longer checks';
  const site = createSite({
    settings: start.settings,
    checked: { model: checked.model, documents: checked.documents, assets: checked.assets },
    views: go.views,
    mode: go.mode,
    store: new SvgStore(start.settings.cacheDir),
    known: go.known,
  });
  if (siteDigest(site) !== go.digest) return 'the content changed while the site was built';
  const pages = go.recording ? new ThreadPages(site) : undefined;
  await publishBuild({ site, pages });
  const assets = ((globalThis as { astroAsset?: Record<string, unknown> }).astroAsset ??= {});
  assets.addStaticImage = () => {
    throw new ImageElsewhere(ELSEWHERE);
  };
  const { app } = (await import(go.entry)) as { app: BuildApp };
  const { head } = go;
  app.setInternals({
    pagesByKeys: new Map([...head.styles].map(([key, styles]) => [key, { styles: [...styles] }])),
    entrySpecifierToBundleMap: head.bundles,
  });
  app.setOptions({ settings: { scripts: head.scripts }, logger: { options: { destination: { write: forward } } } });
  const routes = new Map(app.manifest.routes.map(({ routeData }) => [`${routeData.route}\0${routeData.component}`, routeData]));
  return { app, routes, pages };
}

/** Astro's warnings and errors, said by the build's own log. */
function forward(event: { level: string; label: string | null; message: string }): boolean {
  // Astro says a page failed before it hands the failure on: one sent back to the build's own thread is not one.
  if (String(event.message).includes(ELSEWHERE)) return true;
  if (event.level === 'warn' || event.level === 'error')
    say({ type: 'log', level: event.level, label: event.label, message: String(event.message) });
  return true;
}

async function render(opened: Opened, request: ThreadRequest): Promise<void> {
  const routeData = opened.routes.get(`${request.route}\0${request.component}`);
  if (!routeData) return say({ type: 'elsewhere', id: request.id });
  try {
    const response = await opened.app.render(new Request(request.url), { routeData });
    const body = response.body === null ? null : await response.arrayBuffer();
    const kept = opened.pages?.take(new URL(request.url).pathname);
    say(
      {
        type: 'page',
        id: request.id,
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
        body,
        reads: kept?.reads,
        parts: kept?.parts,
      },
      body ? [body] : [],
    );
  } catch (error) {
    if (causedBy(error, ImageElsewhere)) return say({ type: 'elsewhere', id: request.id });
    const failure = error instanceof Error ? error : new Error(String(error));
    say({ type: 'failed', id: request.id, message: failure.message, stack: failure.stack });
  }
}

function causedBy(error: unknown, type: new (...args: never[]) => Error): boolean {
  let cause = error;
  for (let depth = 0; cause instanceof Error && depth < 8; depth++) {
    if (cause instanceof type) return true;
    cause = (cause as Error).cause;
  }
  return false;
}

let opened: Opened | undefined;
port.on('message', (order: ThreadOrder) => {
  if (order.type === 'page') return void (opened ? render(opened, order) : say({ type: 'elsewhere', id: order.id }));
  open(order).then(
    (result) => {
      if (typeof result === 'string') return say({ type: 'refused', reason: result });
      opened = result;
      say({ type: 'ready' });
    },
    (error: unknown) => say({ type: 'refused', reason: error instanceof Error ? error.message : String(error) }),
  );
});
