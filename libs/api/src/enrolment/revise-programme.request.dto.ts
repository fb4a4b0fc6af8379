import { PartialType } from '@nestjs/swagger';
import { ProgrammeDetailsDto } from './programme-details.dto';

/** Only the fields that change. */
export class ReviseProgrammeRequest extends PartialType(ProgrammeDetailsDto) {}
