export * from './define-competency.request.dto';
export * from './expire-certifications.request.dto';
export * from './get-unit-gap-report.request.dto';
export * from './list-overdue-assessments.request.dto';
export * from './record-assessment-result.request.dto';
export * from './schedule-assessment.request.dto';
export * from './set-position-standard.request.dto';
