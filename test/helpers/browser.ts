import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../plugins/astro/diagrams/chromium.ts';

/** Debian's Chromium, as `.ci/run` installs it. */
export const CHROMIUM = process.env.ARCHSITE_CHROMIUM || '/usr/bin/chromium';

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/** Starts headless Chromium as the build does: without any network chatter (the machine is offline). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
}
