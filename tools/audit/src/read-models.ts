import { type ReadModel, readModelCatalogue } from '@kompeten/audit';
import { assessmentAudit } from '../../../services/assessment/src/assessment.audit';
import { budgetAudit } from '../../../services/budget/src/budget.audit';
import { enrolmentAudit } from '../../../services/enrolment/src/enrolment.audit';
import { feedbackAudit } from '../../../services/feedback/src/feedback.audit';

// The read models `audit replay` and `audit diff` can rebuild: each service's audit entry point
// (services/<service>/src/<service>.audit.ts) declares its own. Libraries may not import services
// (.dependency-cruiser.cjs), so the catalogue is put together here, in the tool.
//
// Adding one is an entry in the service's audit entry point (docs/audit/README.md, "read-models").

/** Every read model `audit replay` and `audit diff` can rebuild, in the order `audit read-models` lists them. */
export const READ_MODELS: ReadModel[] = readModelCatalogue([
  enrolmentAudit,
  budgetAudit,
  feedbackAudit,
  assessmentAudit,
]);
