import { verifyCertificate, type ResponseOf } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { loadCertificate, publicCertificateView } from '../read-certificate';

/**
 * Public verification (no token): valid, expired or revoked on the city's today, with what the
 * certificate attests. An unknown and a malformed number answer the same 404 (loadCertificate).
 */
@Handles(verifyCertificate)
export class VerifyCertificateHandler implements UseCaseHandler<typeof verifyCertificate> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({
    params: { number },
  }: UseCaseRequest<typeof verifyCertificate>): Promise<ResponseOf<typeof verifyCertificate>> {
    const s = await loadCertificate(this.store, number);
    return publicCertificateView(s, this.store, this.calendar.dateOf(this.clock.now()));
  }
}
