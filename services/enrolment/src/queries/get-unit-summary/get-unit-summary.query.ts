export class GetUnitSummaryQuery {
  constructor(
    readonly opd: string,
    readonly year: number,
    readonly serviceUnit?: string,
  ) {}
}
