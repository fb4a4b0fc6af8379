import { DataSource } from 'typeorm';
import { listExternalLearning, type ResponseOf } from '@kompeten/api';
import { DomainError } from '@kompeten/domain';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { readExternalLearning } from '../read-external-learning';

/** A staff member's external learning; the OPD in the answer is what the gateway scopes a head by. */
@Handles(listExternalLearning)
export class ListExternalLearningHandler implements UseCaseHandler<typeof listExternalLearning> {
  constructor(private readonly db: DataSource) {}

  async handle({
    params: { nip },
  }: UseCaseRequest<typeof listExternalLearning>): Promise<ResponseOf<typeof listExternalLearning>> {
    const [staff] = await this.db.query<{ opd: string }[]>('select opd from staff_roster where nip = $1', [nip]);
    if (!staff) throw DomainError.notFound('staff-not-found', 'Unknown staff', `no staff member with NIP ${nip}`);
    return { nip, opd: staff.opd, items: await readExternalLearning(this.db, nip) };
  }
}
