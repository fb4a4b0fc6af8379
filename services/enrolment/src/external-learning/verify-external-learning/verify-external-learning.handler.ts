import { DataSource } from 'typeorm';
import { accepted, verifyExternalLearning } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { decisionOf } from '../external-learning-decision';
import { loadExternalLearning, runExternalLearningCommand } from '../run-external-learning-command';

/**
 * A training officer verifies a record: the decider credits ⌊minutes / 45⌋ JP within the form's yearly
 * cap, given the JP of that form already credited to the person in the year. That figure is the read
 * model's: two verifications of the same person's same form in the same moment could both see the
 * cap's room (docs/external-learning.md, "Caps").
 */
@Handles(verifyExternalLearning)
export class VerifyExternalLearningHandler implements UseCaseHandler<typeof verifyExternalLearning> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { learningId }, metadata, res }: UseCaseRequest<typeof verifyExternalLearning>) {
    const { record } = await loadExternalLearning(this.store, learningId);
    const [credited] = await this.db.query<{ jp: number }[]>(
      `select coalesce(sum(jp_credited), 0)::int as jp from external_learning
        where nip = $1 and form = $2 and year = $3 and status = 'verified' and learning_id <> $4`,
      [record.nip, record.form, Number(record.endDate.slice(0, 4)), learningId],
    );
    const { streamId, result } = await runExternalLearningCommand(
      this.store,
      {
        type: 'VerifyExternalLearning',
        learningId,
        alreadyCredited: credited.jp,
        today: this.calendar.dateOf(this.clock.now()),
      },
      metadata,
    );
    res.status(result.events.length ? 201 : 200);
    return { ...accepted(streamId, result), ...(await decisionOf(this.store, learningId)) };
  }
}
