export class GetProgrammeQuery {
  constructor(readonly programmeId: string) {}
}
