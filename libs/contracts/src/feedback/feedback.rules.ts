/** Formats and limits that the feedback API, its frontends and the service share. */

/** Service-unit codes, as the enrolment service puts them on staff (`workUnit.serviceUnit`). */
export const UNIT_CODE = /^[A-Z0-9][A-Z0-9-]{1,63}$/;
export const UNIT_CODE_MESSAGE = 'must be a unit code such as PUSKESMAS-GULAI-BANCAH (capitals, digits, dashes)';

/** A survey period: a year `2026`, a quarter `2026-Q1` or a month `2026-03`. */
export const PERIOD_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/** Citizens' comments are personal data and kept short. */
export const MAX_COMMENT_LENGTH = 2000;
