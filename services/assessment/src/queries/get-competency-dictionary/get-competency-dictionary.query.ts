export class GetCompetencyDictionaryQuery {}
