import { PDFDocument, PageSizes, rgb, StandardFonts } from 'pdf-lib';
import { qrPng } from './qr-png';
import type { CertificateView } from './read-certificate';

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
/** `2026-02-03` → `3 Februari 2026` (a business date, printed as the city writes it). */
export const longDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
};

/** The standard fonts know WinAnsi only: anything else (a name in another script) prints as `?`, never fails. */
const printable = (known: ReadonlySet<number>, text: string) =>
  [...text].map((c) => (known.has(c.codePointAt(0) as number) ? c : '?')).join('');

/**
 * The certificate to print: one A4 page with the number, the holder's name and NIP, what it attests
 * (title, provider, completion date, JP, validity) and the QR code of its public verification URL.
 * pdf-lib with the standard Helvetica fonts (nothing to embed but the QR code's PNG).
 */
export async function renderCertificatePdf(c: CertificateView, holderName: string | null): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Sertifikat ${c.number}`);
  pdf.setSubject(c.title);
  pdf.setProducer('Kompeten');
  pdf.setCreator('Kompeten');
  // Fixed dates: the same certificate renders to the same bytes (no "now" in the document).
  pdf.setCreationDate(new Date(`${c.issuedOn}T00:00:00Z`));
  pdf.setModificationDate(new Date(`${c.issuedOn}T00:00:00Z`));
  const page = pdf.addPage(PageSizes.A4);
  const { width, height } = page.getSize();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.1, 0.1, 0.15);
  // Helvetica and Helvetica-Bold know the same characters (WinAnsi): read the set once.
  const known = new Set(regular.getCharacterSet());

  const centred = (text: string, y: number, size: number, font = regular) => {
    const t = printable(known, text);
    page.drawText(t, { x: (width - font.widthOfTextAtSize(t, size)) / 2, y, size, font, color: ink });
  };
  const row = (label: string, value: string, y: number) => {
    page.drawText(printable(known, label), { x: 90, y, size: 11, font: regular, color: ink });
    page.drawText(printable(known, value), { x: 230, y, size: 11, font: bold, color: ink });
  };

  page.drawRectangle({ x: 30, y: 30, width: width - 60, height: height - 60, borderWidth: 2, borderColor: ink });
  centred('PEMERINTAH KOTA BUKITTINGGI', height - 100, 13, bold);
  centred(c.provider, height - 120, 11);
  centred(c.kind === 'training' ? 'SERTIFIKAT PELATIHAN' : 'SERTIFIKAT KOMPETENSI', height - 175, 24, bold);
  centred(`Nomor: ${c.number}`, height - 200, 12);
  centred('diberikan kepada', height - 250, 11);
  centred(holderName ?? '(nama tidak tersedia)', height - 280, 20, bold);
  centred(`NIP ${c.nip}`, height - 300, 11);
  centred(c.kind === 'training' ? 'yang telah menyelesaikan' : 'yang dinyatakan kompeten pada', height - 340, 11);
  centred(c.title, height - 365, 15, bold);

  let y = height - 420;
  row('Penyelenggara', c.provider, y);
  row(c.kind === 'training' ? 'Tanggal selesai' : 'Tanggal sertifikasi', longDate(c.completedOn), (y -= 20));
  if (c.kind === 'training') row('Jumlah', `${c.jp} JP (1 JP = 45 menit)`, (y -= 20));
  if (c.competencyCode) row('Kompetensi', `${c.competencyCode}, level ${c.level ?? ''}`, (y -= 20));
  row('Berlaku sampai', c.expiresOn ? longDate(c.expiresOn) : 'tidak ada batas waktu', (y -= 20));
  row('Diterbitkan', longDate(c.issuedOn), (y -= 20));
  if (c.status === 'revoked') centred(`DICABUT ${c.revokedOn ? longDate(c.revokedOn) : ''}`, y - 40, 18, bold);

  // The QR code of the public verification URL, with the URL printed beneath for those who type it.
  const qr = await pdf.embedPng(await qrPng(c.verificationUrl));
  const side = 140;
  page.drawImage(qr, { x: (width - side) / 2, y: 120, width: side, height: side });
  centred('Periksa keaslian sertifikat ini:', 100, 9);
  centred(c.verificationUrl, 86, 9);

  return pdf.save();
}
