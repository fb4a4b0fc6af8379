export * from './programme-details.dto';
export * from './programme-details.schema';
export * from './unit-year-query.request.dto';
// Staff
export * from './register-staff.use-case';
export * from './transfer-staff.use-case';
export * from './record-staff-departure.use-case';
export * from './get-staff-record.use-case';
export * from './get-staff-profile.use-case';
// Programmes
export * from './publish-programme.use-case';
export * from './revise-programme.use-case';
export * from './cancel-programme.use-case';
export * from './get-programme.use-case';
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
