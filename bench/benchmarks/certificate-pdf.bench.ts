import { PDFDocument, PageSizes, StandardFonts } from 'pdf-lib';
import { renderCertificatePdf } from '../../services/enrolment/src/certificate/certificate-pdf';
import type { CertificateView } from '../../services/enrolment/src/certificate/read-certificate';
import { Benchmark, BenchContext, Figure, sized } from '../harness/benchmark';
import { now, paired, perSecond } from '../harness/measure';
import { median } from '../harness/stats';

const certificate: CertificateView = {
  number: 'KPT-2026-7K3M-Q9XD',
  kind: 'training',
  status: 'valid',
  title: 'Komunikasi efektif dan manajemen pasien',
  provider: 'BKPSDM Kota Bukittinggi',
  completedOn: '2026-03-12',
  jp: 24,
  expiresOn: null,
  revokedOn: null,
  revocationReason: null,
  asOf: '2026-12-07',
  sourceId: '0193a3c4-0000-7000-8000-00000000e001',
  nip: '198609262015051001',
  opd: 'DINKES',
  workUnit: { opd: 'DINKES', serviceUnit: 'PUSKESMAS-GULAI-BANCAH' },
  programmeId: 'kom-efektif-2026',
  competencyCode: null,
  level: null,
  issuedOn: '2026-03-12',
  showHolderName: false,
  verificationUrl: 'https://kompeten.bukittinggikota.go.id/api/v1/public/certificates/KPT-2026-7K3M-Q9XD',
};

/**
 * What printing a certificate (issue 22) costs the enrolment service: the A4 PDF with its QR code
 * (pdf-lib, qrcode). Baseline in the same run: pdf-lib writing an A4 page with the same lines of text
 * and no QR code — the library's floor, so the ratio is what the QR code and the layout add.
 */
export const certificatePdf: Benchmark = {
  name: 'certificate-pdf',
  description: 'render one certificate PDF (A4, QR code) vs pdf-lib writing the same text without it',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const { runs, calls } = sized(ctx, { full: { runs: 5, calls: 300 }, smoke: { runs: 1, calls: 5 } });
    let bytes = 0;
    const rendered = async () => {
      const t0 = now();
      for (let i = 0; i < calls; i++) bytes = (await renderCertificatePdf(certificate, 'Siti Rahmawati')).length;
      return perSecond(calls, now() - t0);
    };
    const plain = async () => {
      const t0 = now();
      for (let i = 0; i < calls; i++) {
        const pdf = await PDFDocument.create();
        const page = pdf.addPage(PageSizes.A4);
        const font = await pdf.embedFont(StandardFonts.Helvetica);
        [
          certificate.number,
          'Siti Rahmawati',
          certificate.title,
          certificate.provider,
          certificate.completedOn,
        ].forEach((line, k) => page.drawText(line, { x: 60, y: 700 - 30 * k, size: 14, font }));
        await pdf.save();
      }
      return perSecond(calls, now() - t0);
    };
    await rendered(); // warm up
    const r = await paired(runs, rendered, plain);
    const ms = 1000 / median(r.subject);
    ctx.log(`  certificate PDF: ${Math.round(median(r.subject))}/s (${ms.toFixed(1)} ms, ${bytes} bytes each)`);
    return [
      {
        benchmark: 'certificate-pdf',
        label: 'render one certificate PDF (A4, with the QR code of its verification URL)',
        unit: 'req/s', // one PDF per request
        value: median(r.subject),
        samples: r.subject,
        baseline: {
          label: 'pdf-lib: the same text on an A4 page, no QR code',
          value: median(r.baseline),
          samples: r.baseline,
        },
        ratio: median(r.ratios),
        diagnostics: { millisecondsPerPdf: Math.round(ms * 10) / 10, bytes, calls },
        note: 'on demand per GET /certificates/:number/pdf (nothing cached)',
      },
    ];
  },
};
