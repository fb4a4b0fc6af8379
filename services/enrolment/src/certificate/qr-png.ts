import QRCode from 'qrcode';

/**
 * The QR code of `text` as a PNG (the `qrcode` library's own writer, ~15 ms a code here): `scale`
 * pixels per module and a quiet zone of `margin` modules; error correction M survives a crease or a
 * stain on the printed paper.
 */
export const qrPng = (text: string, { scale = 4, margin = 4 } = {}): Promise<Buffer> =>
  QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', scale, margin });
