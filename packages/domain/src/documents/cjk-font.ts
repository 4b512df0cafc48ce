import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The Simplified Chinese font every generated PDF is set in: Noto Sans SC (OFL-1.1) from the npm package
 * `@embedpdf/fonts-sc`, so a machine with only Node installed renders Chinese; nothing is read from
 * /usr/share/fonts. pdfkit subsets it: a document embeds only the glyphs it uses.
 */
export const CJK_FONT_PACKAGE = '@embedpdf/fonts-sc';

export type TCjkFontWeight = 'regular' | 'bold';

const FONT_FILES: Record<TCjkFontWeight, string> = {
  regular: 'NotoSansHans-Regular.otf',
  bold: 'NotoSansHans-Bold.otf',
};

const loaded = new Map<TCjkFontWeight, Buffer>();

/** The package's fonts/ folder. Its exports map hides the files, so we go from its entry point. */
function fontDirectory(): string {
  // Bundled server code may not resolve from its own location; the working directory is the fallback.
  const bases = [import.meta.url, path.join(/*turbopackIgnore: true*/ process.cwd(), 'package.json')];
  for (const base of bases) {
    try {
      const entry = createRequire(base).resolve(CJK_FONT_PACKAGE);
      return path.join(/*turbopackIgnore: true*/ path.dirname(entry), '..', 'fonts');
    } catch {
      // try the next base
    }
  }
  throw new Error(`The PDF font package ${CJK_FONT_PACKAGE} is not installed`);
}

/** The font file's bytes, read once per process (about 8 MB each). */
export function cjkFontBuffer(weight: TCjkFontWeight): Buffer {
  const cached = loaded.get(weight);
  if (cached) return cached;
  // The font's location is known only at run time: tell Next's tracer not to follow it (it would trace the repo).
  const bytes = readFileSync(
    /*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ fontDirectory(), FONT_FILES[weight]),
  );
  loaded.set(weight, bytes);
  return bytes;
}
