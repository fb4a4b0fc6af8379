/**
 * Every JP credit the feedback service knows of: a programme completed (fb_training_completion) or
 * external learning an officer verified (fb_external_learning_credit), as the enrolment service's ledger
 * counts them (PP 11/2017 art. 203(4): the 20-JP right counts every form of development). One row per
 * credit: nip, jp, completed_on, competency_area. Use it as a table expression: `from ${FB_JP_CREDITS} c`.
 */
export const FB_JP_CREDITS = `(
  select nip, jp, completed_on, competency_area from fb_training_completion
  union all
  select nip, jp, completed_on, competency_area from fb_external_learning_credit)`;
