import { EnrolmentRoutes } from './enrolments.routes';
import { ProgrammeRoutes } from './programmes.routes';
import { StaffRoutes } from './staff.routes';
import { UnitRoutes } from './units.routes';
import { LiveFeedRoutes } from '../live/live-feed.routes';
import { PublicRoutes } from './public.routes';
import { DocsRoutes } from './docs.routes';
import { BudgetRoutes } from './budgets.routes';
import { AssessmentRoutes } from './assessments.routes';
import { ReportRoutes } from './reports.routes';
import { ServiceUnitRoutes } from './service-units.routes';
import { SurveyResponseRoutes } from './survey-responses.routes';
import { AuditRoutes } from './audit.routes';

/** Every public route of the gateway, by resource. */
export const GATEWAY_ROUTES = [
  StaffRoutes,
  ProgrammeRoutes,
  EnrolmentRoutes,
  UnitRoutes,
  BudgetRoutes,
  AssessmentRoutes,
  ServiceUnitRoutes,
  SurveyResponseRoutes,
  ReportRoutes,
  PublicRoutes,
  AuditRoutes,
  LiveFeedRoutes,
  DocsRoutes,
];
