export class GetUnitGapReportQuery {
  constructor(
    readonly opd: string,
    readonly serviceUnit: string | null,
  ) {}
}
