import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Vitest's global setup: one temporary folder for the whole run, removed when it ends. Every
 * folder a test makes with `os.tmpdir()` (content trees, built sites, diagram caches), and
 * what the builds and browsers it starts put there, goes inside it: a run leaves nothing
 * behind, where it used to leave some 580 MB of sites and trees in /tmp on every run.
 */
const PREFIX = 'archsite-tests-';

export function setup(): () => void {
  // The projects share the run's folder: the first to set up makes it and removes it.
  if (path.basename(os.tmpdir()).startsWith(PREFIX)) return () => {};
  const original = process.env.TMPDIR;
  const root = mkdtempSync(path.join(os.tmpdir(), PREFIX));
  // Read by os.tmpdir() here and in every worker and process started from now on.
  process.env.TMPDIR = root;
  return () => {
    if (original === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = original;
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
