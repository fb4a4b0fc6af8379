export * from './programme-details.dto';
export * from './programme-details.schema';
export * from './unit-year-query.request.dto';
// Staff
export * from './register-staff.use-case';
export * from './transfer-staff.use-case';
export * from './record-staff-departure.use-case';
export * from './get-staff-record.use-case';
export * from './get-staff-profile.use-case';
export * from './list-staff.use-case';
// Programmes
export * from './publish-programme.use-case';
export * from './revise-programme.use-case';
export * from './cancel-programme.use-case';
export * from './get-programme.use-case';
export * from './list-programmes.use-case';
// Enrolments
export * from './enrol-staff.use-case';
export * from './withdraw-enrolment.use-case';
export * from './request-funds-again.use-case';
export * from './record-attendance.use-case';
export * from './record-learning-progress.use-case';
export * from './complete-training.use-case';
export * from './record-non-completion.use-case';
// Units and the JP ledger
export * from './get-unit-summary.use-case';
export * from './list-staff-below-jp-target.use-case';
export * from './get-release-report.use-case';
export * from './export-training-history.use-case';
export * from './approve-release.use-case';
export * from './nominate-staff.use-case';
export * from './decline-release.use-case';
export * from './set-continuity-rule.use-case';
export * from './get-training-calendar.use-case';
export * from './release.dto';
// Calendar feeds (iCalendar)
export * from './calendar-feed.schema';
export * from './create-staff-calendar-feed.use-case';
export * from './revoke-staff-calendar-feed.use-case';
export * from './create-unit-calendar-feed.use-case';
export * from './revoke-unit-calendar-feed.use-case';
export * from './get-calendar-feed.use-case';
// Planning (needs analysis, training plans, development plans, reports)
export * from './plan-line.schema';
export * from './get-needs-analysis.use-case';
export * from './plan-line.dto';
export * from './draft-training-plan.use-case';
export * from './revise-training-plan.use-case';
export * from './submit-training-plan.use-case';
export * from './return-training-plan.use-case';
export * from './approve-training-plan.use-case';
export * from './get-training-plan.use-case';
export * from './get-shortage.use-case';
export * from './get-plan-vs-actual.use-case';
export * from './propose-development-plan.use-case';
export * from './agree-development-plan.use-case';
export * from './get-development-plan.use-case';
// External learning (outside the catalogue; JP on an officer's verification)
export * from './record-external-learning.use-case';
export * from './verify-external-learning.use-case';
export * from './reject-external-learning.use-case';
export * from './list-external-learning.use-case';
// Certificates (completions and competency certifications; public verification)
export * from './get-certificate.use-case';
export * from './get-certificate-pdf.use-case';
export * from './verify-certificate.use-case';
export * from './revoke-certificate.use-case';
export * from './choose-certificate-disclosure.use-case';
// Learning platforms and xAPI (trusted e-learning)
export * from './register-learning-platform.use-case';
export * from './retire-learning-platform.use-case';
export * from './list-learning-platforms.use-case';
export * from './record-xapi-statements.use-case';
