import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * DejaVu Sans, shipped in an npm package: a TrueType font that covers å, ä, ö, é and the dashes,
 * embedded (as a subset) in every report-back PDF, as PDF/A requires. Read once per process.
 */
const require = createRequire(import.meta.url);
const load = (file: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));

let fonts: { body: Buffer; bold: Buffer; italic: Buffer } | undefined;

export function reportFonts() {
  fonts ??= { body: load('DejaVuSans.ttf'), bold: load('DejaVuSans-Bold.ttf'), italic: load('DejaVuSans-Oblique.ttf') };
  return fonts;
}

export const BODY = 'Body';
export const BOLD = 'Bold';
export const ITALIC = 'Italic';
