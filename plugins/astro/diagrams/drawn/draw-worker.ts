import { parentPort, workerData } from 'node:worker_threads';
import { SvgStore } from '../svg-store.ts';
import { nodeDrawer } from './draw.ts';

/**
 * A worker thread drawing diagrams in Node (see render.ts, `drawAllInNode`): handed a few
 * texts at a time, draws each, keeps both themes in the store's folder, and answers with the
 * texts it could not draw (which mermaid then draws), until it is handed none.
 */
const { dir } = workerData as { dir: string };
const store = new SvgStore(dir);
const draw = nodeDrawer();
parentPort!.on('message', (texts: readonly string[] | null) => {
  if (texts === null) return parentPort!.close();
  const left: string[] = [];
  for (const text of texts) {
    const drawn = draw(text);
    if (drawn) store.storeBoth(text, drawn);
    else left.push(text);
  }
  parentPort!.postMessage(left);
});
