import { accepted, withdrawEnrolment } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { programmeStreamId } from '../programme.decider';
import { runProgrammeCommand } from '../run-programme-command';

@Handles(withdrawEnrolment)
export class WithdrawEnrolmentHandler implements UseCaseHandler<typeof withdrawEnrolment> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async handle({ params: { programmeId, nip }, body, metadata }: UseCaseRequest<typeof withdrawEnrolment>) {
    const result = await runProgrammeCommand(
      this.store,
      programmeId,
      {
        type: 'WithdrawEnrolment',
        nip,
        reason: body.reason,
        note: body.note ?? null,
        year: this.clock.now().getUTCFullYear(),
      },
      metadata,
    );
    return accepted(programmeStreamId(programmeId), result);
  }
}
