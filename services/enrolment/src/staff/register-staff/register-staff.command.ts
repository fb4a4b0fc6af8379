import type { EmploymentType, WorkUnit } from '@kompeten/contracts';
import type { EventMetadata } from '@kompeten/event-store';

export class RegisterStaffCommand {
  constructor(
    readonly nip: string,
    readonly name: string,
    readonly employmentType: EmploymentType,
    readonly workUnit: WorkUnit,
    readonly position: string,
    readonly metadata: EventMetadata,
  ) {}
}
