import { accepted, revokeCertificate } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { loadCertificate } from '../read-certificate';
import { runCertificateCommand } from '../run-certificate-command';

/** A training officer revokes a certificate (coded reason; the note, about the holder, sealed under them). */
@Handles(revokeCertificate)
export class RevokeCertificateHandler implements UseCaseHandler<typeof revokeCertificate> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { number }, body, metadata, res }: UseCaseRequest<typeof revokeCertificate>) {
    // Whose certificate it is: the subject the note is sealed under (and the same 404 for an unknown number).
    const { issued } = await loadCertificate(this.store, number);
    const { streamId, result } = await runCertificateCommand(
      this.store,
      {
        type: 'RevokeCertificate',
        number,
        reason: body.reason,
        note: body.note ?? null,
        today: this.calendar.dateOf(this.clock.now()),
      },
      metadata,
      { holder: issued.nip },
    );
    res.status(result.events.length ? 201 : 200);
    return accepted(streamId, result);
  }
}
