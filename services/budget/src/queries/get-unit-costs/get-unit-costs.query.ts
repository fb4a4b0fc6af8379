export class GetUnitCostsQuery {
  constructor(
    readonly opd: string,
    readonly fiscalYear: number,
  ) {}
}
