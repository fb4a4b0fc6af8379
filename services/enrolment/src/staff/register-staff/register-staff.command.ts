import { Command } from '@nestjs/cqrs';
import type { EmploymentType, StaffEvent, WorkUnit } from '@kompeten/contracts';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';

export class RegisterStaffCommand extends Command<HandleResult<StaffEvent>> {
  constructor(
    readonly nip: string,
    readonly name: string,
    readonly employmentType: EmploymentType,
    readonly workUnit: WorkUnit,
    readonly position: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
