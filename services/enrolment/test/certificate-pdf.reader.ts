import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';

/** What a test can read back from a PDF: its first page's size, its text, and the QR codes its images hold. */
export interface ReadPdf {
  pages: number;
  size: { width: number; height: number };
  text: string;
  qrCodes: string[];
}

const inflated = (s: PDFRawStream) => {
  const filter = s.dict.get(PDFName.of('Filter'));
  return filter === PDFName.of('FlateDecode') ? inflateSync(Buffer.from(s.contents)) : Buffer.from(s.contents);
};
const numberAt = (s: PDFRawStream, key: string) => (s.dict.get(PDFName.of(key)) as PDFNumber).asNumber();

/**
 * Parses the PDF with pdf-lib, inflates every content stream and reads the strings it shows (hex or
 * literal, as the standard fonts' WinAnsi bytes), and decodes every image with jsQR.
 */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await PDFDocument.load(bytes);
  const pieces: string[] = [];
  const qrCodes: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    if (object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image')) {
      const width = numberAt(object, 'Width');
      const height = numberAt(object, 'Height');
      const pixels = inflated(object);
      const channels = pixels.length / (width * height);
      if (!Number.isInteger(channels)) continue; // an alpha mask's bits, or a filter this reader does not know
      const rgba = new Uint8ClampedArray(width * height * 4);
      for (let i = 0; i < width * height; i++) {
        for (let c = 0; c < 3; c++) rgba[i * 4 + c] = pixels[i * channels + (channels >= 3 ? c : 0)];
        rgba[i * 4 + 3] = 255;
      }
      const code = jsQR(rgba, width, height);
      if (code) qrCodes.push(code.data);
      continue;
    }
    const content = inflated(object).toString('latin1');
    for (const m of content.matchAll(/<([0-9A-Fa-f\s]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g))
      pieces.push(m[1] !== undefined ? Buffer.from(m[1].replace(/\s/g, ''), 'hex').toString('latin1') : m[2]);
  }
  const { width, height } = doc.getPage(0).getSize();
  return { pages: doc.getPageCount(), size: { width, height }, text: pieces.join('\n'), qrCodes };
}
