// tools/audit/read-models.cjs, the audit tool's catalogue, is plain CommonJS with no types of its own
// (and tools/ is not the tests' to change): the part of it the tests load, typed here.
declare module '*/tools/audit/read-models.cjs' {
  import type { ReadModel } from '@kompeten/audit';

  /** Every read model `audit replay` and `audit diff` can rebuild; service code loads from dist/ on first use. */
  export const READ_MODELS: ReadModel[];
}
