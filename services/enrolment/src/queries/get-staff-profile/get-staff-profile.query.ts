export class GetStaffProfileQuery {
  constructor(readonly nip: string) {}
}
