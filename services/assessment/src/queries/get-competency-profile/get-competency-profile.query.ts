export class GetCompetencyProfileQuery {
  constructor(readonly nip: string) {}
}
