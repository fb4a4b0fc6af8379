export class ListStaffBelowJpTargetQuery {
  constructor(
    readonly year: number,
    readonly opd?: string,
    readonly serviceUnit?: string,
  ) {}
}
