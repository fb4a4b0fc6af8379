import type { CertificateEvent } from '@kompeten/contracts';
import type { Decider } from '@kompeten/domain';
import type { CertificateCommand } from './certificate.commands';
import { certificateProblems as problems } from './certificate.problems';
import { evolveCertificate, initialCertificateState, type CertificateState } from './certificate.state';

/**
 * One certificate: issued once for its source (issuing again appends nothing, so a redelivered
 * completion is harmless), revoked at most once (revoking again appends nothing, whatever the
 * reason), and the holder's choice whether public verification shows their name.
 */
export const certificateDecider: Decider<CertificateCommand, CertificateState, CertificateEvent> = {
  initialState: initialCertificateState,
  evolve: evolveCertificate,

  decide(c, s) {
    switch (c.type) {
      case 'IssueCertificate': {
        const { type: _type, ...data } = c;
        if (s.issued === null) return [{ type: 'CertificateIssued', data }];
        if (s.issued.kind !== c.kind || s.issued.sourceId !== c.sourceId)
          throw problems.numberTaken(c.number, c.sourceId);
        return [];
      }
      case 'RevokeCertificate': {
        if (s.issued === null) throw problems.notFound();
        if (s.revoked) return [];
        return [
          {
            type: 'CertificateRevoked',
            data: { number: c.number, reason: c.reason, note: c.note, revokedOn: c.today },
          },
        ];
      }
      case 'ChooseCertificateDisclosure': {
        // Another holder's certificate answers as an unknown one: nothing learnt about it.
        if (s.issued === null || s.issued.nip !== c.nip) throw problems.notFound();
        if (s.showHolderName === c.showHolderName) return [];
        return [
          {
            type: 'CertificateDisclosureChosen',
            data: { number: c.number, showHolderName: c.showHolderName, chosenOn: c.today },
          },
        ];
      }
      default: {
        const never: never = c;
        throw new Error(`unhandled command ${JSON.stringify(never)}`);
      }
    }
  },
};
