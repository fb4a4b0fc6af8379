export class ListPositionStandardsQuery {}
