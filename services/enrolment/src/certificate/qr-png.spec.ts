import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { qrPng } from './qr-png';

describe('the QR code as a PNG', () => {
  it('is a PNG an independent decoder (pngjs) reads, holding a QR code jsQR decodes to the text', async () => {
    const url = 'https://kompeten.bukittinggikota.go.id/api/v1/public/certificates/KPT-2026-7K3M-Q9XD';
    const png = PNG.sync.read(await qrPng(url));
    expect(png.width).toBe(png.height);
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(url);
  });
  it('has the quiet zone asked for: the border is white', async () => {
    const png = PNG.sync.read(await qrPng('KPT-2026-7K3M-Q9XD', { scale: 2, margin: 4 }));
    const border = Array.from({ length: png.width * 8 }, (_, i) => png.data[i * 4]); // the first 8 rows
    expect(new Set(border)).toEqual(new Set([255]));
  });
});
