import type { CertificateIssued, CertificateRevocationReason } from '@kompeten/contracts';

/** Every date is a city date (CityCalendar); the decider never reads a clock. */
export type CertificateCommand =
  | ({ type: 'IssueCertificate' } & CertificateIssued['data'])
  | {
      type: 'RevokeCertificate';
      number: string;
      reason: CertificateRevocationReason;
      note: string | null;
      today: string;
    }
  | {
      type: 'ChooseCertificateDisclosure';
      number: string;
      /** Who chooses: the holder (the gateway let only them, or an admin, send their own NIP). */
      nip: string;
      showHolderName: boolean;
      today: string;
    };

export const certificateStreamId = (number: string) => `certificate-${number}`;
