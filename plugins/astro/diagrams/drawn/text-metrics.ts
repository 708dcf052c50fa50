import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { DIAGRAM_FONT_FILES, LATIN_RANGE, type Weight } from './diagram-font.ts';

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
