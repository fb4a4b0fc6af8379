/**
 * How far a figure can be trusted, always shown beside it:
 * - `insufficient`: too little data to compute it (no number is given);
 * - `no-variation`: one side never varies, so there is nothing to relate;
 * - `small-sample`: computed, but the approximations behind the CI and p-value are rough and the CI is wide;
 * - `ok`.
 */
export type FigureStatus = 'ok' | 'small-sample' | 'insufficient' | 'no-variation';

/** Fisher z needs n > 3. */
export const MIN_CORRELATION_N = 4;
/** Below this many pairs (or units per group) a figure is flagged as a small sample. */
export const SMALL_SAMPLE_N = 10;
/** Two-sided 95% intervals. */
export const CONFIDENCE = 0.95;
