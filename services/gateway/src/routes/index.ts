import { EnrolmentRoutes } from './enrolments.routes';
import { ProgrammeRoutes } from './programmes.routes';
import { StaffRoutes } from './staff.routes';
import { UnitRoutes } from './units.routes';
import { LiveFeedRoutes } from '../live/live-feed.routes';

/** Every public route of the gateway, by resource. */
export const GATEWAY_ROUTES = [StaffRoutes, ProgrammeRoutes, EnrolmentRoutes, UnitRoutes, LiveFeedRoutes];
