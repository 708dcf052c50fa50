import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * The font every diagram is drawn in, bundled with the site (see `DIAGRAM_FONT_FACES`), so
 * that a label measured here is as wide in every reader's browser: Inter's Latin subset
 * (`@fontsource/inter`), regular and bold.
 */
export const DIAGRAM_FONT_FAMILY = 'Inter';
/** The font stack diagrams ask for: Inter, then the system's sans-serif for a character Inter's subset lacks. */
export const DIAGRAM_FONT_STACK = `${DIAGRAM_FONT_FAMILY}, ui-sans-serif, system-ui, sans-serif`;

const require = createRequire(import.meta.url);

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

const RANGES: readonly [number, number][] = LATIN_RANGE.split(', ').map((range) => {
  const [from, to] = range.slice(2).split('-');
  return [Number.parseInt(from!, 16), Number.parseInt(to ?? from!, 16)];
});

const inLatin = (codePoint: number) => RANGES.some(([from, to]) => codePoint >= from && codePoint <= to);

/**
 * Text widths in the diagram font, as Chromium lays the text out: shaped with the font's
 * kerning and contextual forms, and rounded up to Chromium's layout unit (1/64 px).
 * Loaded once, when first asked; widths are remembered by text.
 */
export class TextMetrics {
  readonly #fonts = new Map<Weight, fontkit.Font>();
  readonly #widths = new Map<string, number>();

  #font(weight: Weight): fontkit.Font {
    let font = this.#fonts.get(weight);
    if (!font) {
      font = fontkit.create(readFileSync(DIAGRAM_FONT_FILES[weight])) as fontkit.Font;
      this.#fonts.set(weight, font);
    }
    return font;
  }

  /**
   * Whether every character of the text is drawn in the bundled font and laid out one after
   * another: in the Latin subset, with a glyph in both weights, and no control or combining
   * character (whose placement this measure does not follow).
   */
  measurable(text: string): boolean {
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0) || (codePoint >= 0x300 && codePoint < 0x370)) return false;
      if (codePoint >= 0x2000 && codePoint <= 0x206f && !/\p{Zs}|\p{Pd}|\p{Pi}|\p{Pf}|\p{Po}/u.test(char)) return false;
      if (!inLatin(codePoint)) return false;
      if (!this.#font(400).hasGlyphForCodePoint(codePoint) || !this.#font(700).hasGlyphForCodePoint(codePoint)) return false;
    }
    return true;
  }

  /** The width of one line of text, in pixels, at a size and weight. */
  width(text: string, size: number, weight: Weight = 400): number {
    const key = `${weight}\0${size}\0${text}`;
    let width = this.#widths.get(key);
    if (width === undefined) {
      const font = this.#font(weight);
      width = Math.ceil((font.layout(text).advanceWidth / font.unitsPerEm) * size * 64 - 1e-6) / 64;
      if (this.#widths.size > 50_000) this.#widths.clear();
      this.#widths.set(key, width);
    }
    return width;
  }
}
