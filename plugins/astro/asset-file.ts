import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Model } from '../model/model.ts';

/** The bytes of a content asset (a schema, an API description, an image), by its content path. */
export function assetFile(model: Model, relative: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(path.join(model.contentDir, relative)));
}
