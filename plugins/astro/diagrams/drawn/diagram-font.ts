import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The font every diagram is drawn in, bundled with the site (the shell's custom CSS, see
 * starlight-options.ts), so that a label measured in Node (text-metrics.ts) is as wide in every
 * reader's browser: Inter's Latin subset (`@fontsource/inter`), regular and bold. Its names
 * and files only, here: what a build reads without measuring any text (fontkit stays unloaded).
 */
export const DIAGRAM_FONT_FAMILY = 'Inter';
/** The font stack diagrams ask for: Inter, then the system's sans-serif for a character Inter's subset lacks. */
export const DIAGRAM_FONT_STACK = `${DIAGRAM_FONT_FAMILY}, ui-sans-serif, system-ui, sans-serif`;

/** The font files, by weight: what the site serves and what labels are measured with. */
export const DIAGRAM_FONT_FILES = {
  400: require.resolve('@fontsource/inter/files/inter-latin-400-normal.woff2'),
  700: require.resolve('@fontsource/inter/files/inter-latin-700-normal.woff2'),
} as const;

export type Weight = keyof typeof DIAGRAM_FONT_FILES;

/**
 * The code points the Latin subset covers, as its `@font-face` gives them (`unicode-range`):
 * a browser uses the bundled font for these only, so only these are measured here.
 */
export const LATIN_RANGE =
  'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD';
