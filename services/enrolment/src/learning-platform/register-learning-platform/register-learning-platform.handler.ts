import { accepted, registerLearningPlatform } from '@kompeten/api';
import { CityCalendar, DomainError } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { programmeCacheFor } from '../../programme/programme-cache';
import { runLearningPlatformCommand } from '../run-learning-platform-command';

/**
 * An admin registers a platform. Each activity must name a module of a self-paced programme's
 * completion rule: a statement about it must be one the programme can apply.
 */
@Handles(registerLearningPlatform)
export class RegisterLearningPlatformHandler implements UseCaseHandler<typeof registerLearningPlatform> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ body, metadata, res }: UseCaseRequest<typeof registerLearningPlatform>) {
    const activities = body.activities.map(({ activityId, programmeId, moduleId }) => ({
      activityId,
      programmeId,
      moduleId,
    }));
    const modules = new Map<string, string[] | null>();
    for (const [i, a] of activities.entries()) {
      if (!modules.has(a.programmeId)) {
        const { header: s } = await programmeCacheFor(this.store).load(a.programmeId, { seats: false });
        modules.set(a.programmeId, s.status === 'unknown' ? null : (s.details.completionRule?.modules ?? []));
      }
      const known = modules.get(a.programmeId);
      if (known === null) throw DomainError.invalid(`activities[${i}].programmeId`, `no programme ${a.programmeId}`);
      if (!known?.includes(a.moduleId))
        throw DomainError.invalid(
          `activities[${i}].moduleId`,
          known?.length
            ? `${a.programmeId} has no module ${a.moduleId} (its modules: ${known.join(', ')})`
            : `${a.programmeId} is not self-paced (no completion rule with modules)`,
        );
    }
    const { streamId, result } = await runLearningPlatformCommand(
      this.store,
      {
        type: 'RegisterLearningPlatform',
        clientId: body.clientId,
        name: body.name,
        actorHomePage: body.actorHomePage,
        activities,
        today: this.calendar.dateOf(this.clock.now()),
      },
      metadata,
    );
    const events = result.events.length ? result.events : await this.store.readStream(streamId);
    const revision = (events[events.length - 1]?.data as { revision?: number } | undefined)?.revision ?? 0;
    res.status(result.events.length ? 201 : 200);
    return { ...accepted(streamId, result), revision };
  }
}
