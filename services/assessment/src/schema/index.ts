import { CreateEnrolmentCopies1764500000000 } from './1764500000000-create-enrolment-copies';

/** The assessment service's own tables, after the event store's and messaging's. */
export const assessmentMigrations = [CreateEnrolmentCopies1764500000000];
