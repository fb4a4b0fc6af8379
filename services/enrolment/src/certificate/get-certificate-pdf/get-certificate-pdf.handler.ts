import { DataSource } from 'typeorm';
import { getCertificatePdf, type ResponseOf } from '@kompeten/api';
import { ServiceConfig } from '@kompeten/config';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, InjectConfig, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { renderCertificatePdf } from '../certificate-pdf';
import { certificateView, holderName, loadCertificate } from '../read-certificate';

/**
 * The certificate to print (application/pdf). The holder's name is read from their registration in the
 * log at each rendering: never copied anywhere, and gone from the PDF once erased.
 */
@Handles(getCertificatePdf)
export class GetCertificatePdfHandler implements UseCaseHandler<typeof getCertificatePdf> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
    @InjectConfig() private readonly config: ServiceConfig,
  ) {}

  async handle({
    params: { number },
    res,
  }: UseCaseRequest<typeof getCertificatePdf>): Promise<ResponseOf<typeof getCertificatePdf>> {
    const s = await loadCertificate(this.store, number);
    const view = await certificateView(s, this.db, this.calendar.dateOf(this.clock.now()), this.config.PUBLIC_BASE_URL);
    res.setHeader('Content-Disposition', `inline; filename="${view.number}.pdf"`);
    return renderCertificatePdf(view, await holderName(this.store, view.nip));
  }
}
