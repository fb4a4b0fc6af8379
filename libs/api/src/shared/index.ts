export { IsNip } from './nip.validator';
export { WorkUnitDto } from './work-unit.dto';
export { accepted } from './command-accepted';
export { ProblemDetailsDto, FieldErrorDto } from './problem-details.dto';
export { WorkUnitSchema } from './work-unit.schema';
export {
  Page,
  PageQuery,
  IsCursor,
  encodeCursor,
  decodeCursor,
  pageOf,
  MAX_PAGE_SIZE,
  DEFAULT_PAGE_SIZE,
} from './page';
export type { CursorKey } from './page';
export { IsRangeEnd } from './date-range.validator';
