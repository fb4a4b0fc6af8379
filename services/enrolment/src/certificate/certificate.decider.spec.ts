import type { CertificateEvent, CertificateIssued } from '@kompeten/contracts';
import { givenEvents, refusalOf } from '@kompeten/domain';
import type { CertificateCommand } from './certificate.commands';
import { certificateDecider } from './certificate.decider';
import { validityOn } from './certificate.state';

const given = (...events: CertificateEvent[]) => givenEvents(certificateDecider, events);
const NIP = '198609262015051001';
const NUMBER = 'KPT-2026-ABCD-EFGH';

const data = (over: Partial<CertificateIssued['data']> = {}): CertificateIssued['data'] => ({
  number: NUMBER,
  kind: 'training',
  sourceId: 'kom-efektif-2026-e1',
  nip: NIP,
  workUnit: { opd: 'DINKES', serviceUnit: 'PUSKESMAS-GULAI-BANCAH' },
  title: 'Komunikasi efektif dan manajemen pasien',
  provider: 'BKPSDM Kota Bukittinggi',
  programmeId: 'kom-efektif-2026',
  competencyCode: null,
  level: null,
  completedOn: '2026-02-03',
  jp: 24,
  issuedOn: '2026-02-03',
  expiresOn: null,
  ...over,
});
const issue = (over: Partial<CertificateIssued['data']> = {}): CertificateCommand => ({
  type: 'IssueCertificate',
  ...data(over),
});
const issued = (over: Partial<CertificateIssued['data']> = {}): CertificateEvent => ({
  type: 'CertificateIssued',
  data: data(over),
});
const revoke = (reason: 'issued-in-error' | 'misconduct' = 'issued-in-error', note: string | null = null) =>
  ({ type: 'RevokeCertificate', number: NUMBER, reason, note, today: '2026-03-01' }) satisfies CertificateCommand;
const disclose = (showHolderName: boolean, nip = NIP) =>
  ({
    type: 'ChooseCertificateDisclosure',
    number: NUMBER,
    nip,
    showHolderName,
    today: '2026-02-10',
  }) satisfies CertificateCommand;

const refusal = refusalOf;

describe('issuing a certificate', () => {
  it('given no certificate of the number, when issued, then it is issued with everything it attests', () => {
    expect(given().when(issue())).toEqual([issued()]);
  });
  it('issuing the same source again (a redelivered completion, a restart) appends nothing', () => {
    expect(given(issued()).when(issue())).toEqual([]);
    expect(
      given(issued(), {
        type: 'CertificateRevoked',
        data: { number: NUMBER, reason: 'misconduct', note: null, revokedOn: '2026-03-01' },
      }).when(issue()),
    ).toEqual([]);
  });
  it('another source under a taken number is refused (409), never merged into it', () => {
    expect(refusal(() => given(issued()).when(issue({ sourceId: 'other' })))).toMatchObject({
      kind: 'conflict',
      slug: 'certificate-number-taken',
    });
  });
});

describe('revoking a certificate', () => {
  it('given an issued certificate, when revoked with a coded reason, then it is revoked that day', () => {
    expect(given(issued()).when(revoke('misconduct', 'catatan'))).toEqual([
      {
        type: 'CertificateRevoked',
        data: { number: NUMBER, reason: 'misconduct', note: 'catatan', revokedOn: '2026-03-01' },
      },
    ]);
  });
  it('revoking again appends nothing, whatever the reason', () => {
    const once = given(issued()).when(revoke());
    expect(given(issued(), ...once).when(revoke('misconduct'))).toEqual([]);
  });
  it('an unknown number is 404', () => {
    expect(refusal(() => given().when(revoke()))).toMatchObject({ kind: 'not-found', slug: 'certificate-not-found' });
  });
});

describe('the holder choosing what public verification shows', () => {
  it('shows no name until the holder chooses so; choosing the same again appends nothing', () => {
    expect(given(issued()).state.showHolderName).toBe(false);
    const chosen = given(issued()).when(disclose(true));
    expect(chosen).toEqual([
      { type: 'CertificateDisclosureChosen', data: { number: NUMBER, showHolderName: true, chosenOn: '2026-02-10' } },
    ]);
    expect(given(issued(), ...chosen).when(disclose(true))).toEqual([]);
    expect(given(issued()).when(disclose(false))).toEqual([]);
  });
  it('someone else’s certificate answers as an unknown one (404)', () => {
    expect(refusal(() => given(issued()).when(disclose(true, '198001012010011001')))).toMatchObject({
      kind: 'not-found',
      slug: 'certificate-not-found',
    });
  });
});

describe('validity on a day', () => {
  it('a training certificate never expires; a competency one is expired from its expiresOn; revoked wins', () => {
    expect(validityOn(null, false, '2099-01-01')).toBe('valid');
    expect(validityOn('2029-02-03', false, '2029-02-02')).toBe('valid');
    expect(validityOn('2029-02-03', false, '2029-02-03')).toBe('expired');
    expect(validityOn('2029-02-03', true, '2026-05-02')).toBe('revoked');
    expect(validityOn(null, true, '2026-05-02')).toBe('revoked');
  });
});
