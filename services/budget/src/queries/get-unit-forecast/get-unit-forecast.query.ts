export class GetUnitForecastQuery {
  constructor(
    readonly opd: string,
    readonly fiscalYear: number,
    readonly windowDays: number,
    readonly now: Date,
  ) {}
}
