import type { INestApplication } from '@nestjs/common';
import { startAssessmentApp } from '../../services/assessment/test/assessment-app';
import { startBudgetApp } from '../../services/budget/test/budget-app';
import { startEnrolmentApp } from '../../services/enrolment/test/enrolment-app';
import { startFeedbackApp } from '../../services/feedback/test/feedback-app';
import { roleTokens, startGateway } from '../../services/gateway/test/gateway-app';

/** All five real services, each on its own throwaway database and a random port, sharing the real broker. */
export async function startPlatform() {
  const [enrolment, budget, assessment, feedback] = await Promise.all([
    startEnrolmentApp(),
    startBudgetApp(),
    startAssessmentApp(),
    startFeedbackApp(),
  ]);
  const apps: INestApplication[] = [enrolment.app, budget.app, assessment.app, feedback.app];
  await Promise.all(apps.map((a) => a.listen(0, '127.0.0.1')));
  const gateway = await startGateway({
    ENROLMENT_URL: await enrolment.app.getUrl(),
    BUDGET_URL: await budget.app.getUrl(),
    ASSESSMENT_URL: await assessment.app.getUrl(),
    FEEDBACK_URL: await feedback.app.getUrl(),
  });
  return {
    gateway: gateway.app,
    enrolment: enrolment.app,
    budget: budget.app,
    assessment: assessment.app,
    feedback: feedback.app,
    tokens: await roleTokens(gateway.auth),
    auth: gateway.auth,
    stop: async () => {
      await gateway.stop();
      for (const s of [enrolment, budget, assessment, feedback]) await s.stop();
    },
  };
}
