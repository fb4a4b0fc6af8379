import type { EventMetadata } from '@kompeten/event-store';
import type { SurveyPeriod } from '../../ikm/survey-period';

export class CloseSurveyPeriodCommand {
  constructor(
    readonly unitCode: string,
    readonly period: SurveyPeriod,
    readonly metadata: EventMetadata,
  ) {}
}
