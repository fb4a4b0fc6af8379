import { DataSource } from 'typeorm';
import { getCertificate, type ResponseOf } from '@kompeten/api';
import { ServiceConfig } from '@kompeten/config';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, InjectConfig, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { certificateView, loadCertificate } from '../read-certificate';

/** A certificate by its number, with its status on the city's today; the OPD in the answer is what the gateway scopes a head by. */
@Handles(getCertificate)
export class GetCertificateHandler implements UseCaseHandler<typeof getCertificate> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
    @InjectConfig() private readonly config: ServiceConfig,
  ) {}

  async handle({
    params: { number },
  }: UseCaseRequest<typeof getCertificate>): Promise<ResponseOf<typeof getCertificate>> {
    const s = await loadCertificate(this.store, number);
    return certificateView(s, this.db, this.calendar.dateOf(this.clock.now()), this.config.PUBLIC_BASE_URL);
  }
}
