import type { UtilisationGrouping } from '@kompeten/api';

export type { UtilisationGrouping };

export class GetUtilisationQuery {
  constructor(
    readonly fiscalYear: number,
    readonly by: UtilisationGrouping,
    readonly opd?: string,
  ) {}
}
