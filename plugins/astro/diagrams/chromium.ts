import { existsSync } from 'node:fs';

/** Where Chrome or Chromium is usually installed, in the order tried. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * The browser that renders diagrams at build time: the one chosen (the `chromium` setting;
 * `none` turns build-time rendering off), else the first of the usual install paths that exists.
 */
export function findChromium(chosen: string | undefined): string | undefined {
  if (chosen !== undefined && chosen !== '') return chosen !== 'none' && existsSync(chosen) ? chosen : undefined;
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

/** Headless, and quiet on a machine without network: no background requests. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  // Text measured as Chrome measures it on screen (subpixel widths), whichever build of it runs: the headless shell hints glyphs otherwise.
  '--font-render-hinting=none',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Pages that render diagrams are never visible: without these, Chromium throttles their
  // timers as background tabs, and mermaid's layout waits on them.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];
