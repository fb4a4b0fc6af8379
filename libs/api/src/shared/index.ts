export { IsNip } from './nip.validator';
export { WorkUnitDto } from './work-unit.dto';
export { accepted } from './command-accepted';
export { ProblemDetailsDto, FieldErrorDto } from './problem-details.dto';
export { WorkUnitSchema } from './work-unit.schema';
