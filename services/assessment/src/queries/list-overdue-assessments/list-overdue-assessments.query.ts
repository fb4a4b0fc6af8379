export class ListOverdueAssessmentsQuery {
  constructor(
    readonly asOf: string,
    readonly opd: string | null,
    readonly serviceUnit: string | null,
  ) {}
}
