import { parentPort, workerData } from 'node:worker_threads';
import { SvgStore } from '../svg-store.ts';
import { drawInNode } from './draw.ts';
import { TextMetrics } from './text-metrics.ts';

/**
 * A worker thread drawing diagrams in Node (see render.ts, `drawAllInNode`): handed a few
 * texts at a time, draws each, keeps both themes in the store's folder, and answers with the
 * texts it could not draw (which mermaid then draws), until it is handed none.
 */
const { dir } = workerData as { dir: string };
const store = new SvgStore(dir);
const metrics = new TextMetrics();
parentPort!.on('message', (texts: readonly string[] | null) => {
  if (texts === null) return parentPort!.close();
  const left: string[] = [];
  for (const text of texts) {
    const drawn = drawInNode(text, metrics);
    if (!drawn) left.push(text);
    else {
      store.store(text, 'light', drawn.light);
      store.store(text, 'dark', drawn.dark);
    }
  }
  parentPort!.postMessage(left);
});
