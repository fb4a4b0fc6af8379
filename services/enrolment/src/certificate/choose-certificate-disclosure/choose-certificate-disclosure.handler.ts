import { accepted, chooseCertificateDisclosure } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { isCertificateNumber } from '../certificate-number';
import { certificateProblems } from '../certificate.problems';
import { runCertificateCommand } from '../run-certificate-command';

/**
 * The holder chooses whether public verification shows their name. The gateway let a staff member
 * send only their own NIP; the decider answers 404 when the certificate is not that NIP's.
 */
@Handles(chooseCertificateDisclosure)
export class ChooseCertificateDisclosureHandler implements UseCaseHandler<typeof chooseCertificateDisclosure> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { number }, body, metadata, res }: UseCaseRequest<typeof chooseCertificateDisclosure>) {
    if (!isCertificateNumber(number)) throw certificateProblems.notFound();
    const { streamId, result } = await runCertificateCommand(
      this.store,
      {
        type: 'ChooseCertificateDisclosure',
        number,
        nip: body.nip,
        showHolderName: body.showHolderName,
        today: this.calendar.dateOf(this.clock.now()),
      },
      metadata,
    );
    res.status(result.events.length ? 201 : 200);
    return accepted(streamId, result);
  }
}
