import { Injectable } from '@nestjs/common';
import {
  fillPath,
  getCertificate,
  getCompetencyProfile,
  getUnitForecast,
  USE_CASES,
  type getPublicScorecards,
  type getShortageEstimate,
  type ResponseOf,
  type UseCase,
} from '@kompeten/api';
import type { RouteInput } from '@kompeten/platform';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { assertMayRead, mayReadPersonal, scopedOpd } from '../auth/scope';
import type { Principal } from '../auth/principal';
import { Forward } from '../downstream/forward';
import { UnitDirectory } from '../downstream/unit-directory';
import { budgetAgainst, unavailable } from './shortage-budget';

/** Runs the use case's forward (its service route, with the validated request). */
type Call = () => Promise<unknown>;
/** A gateway-side step around the forward, for the few use cases whose answer the gateway shapes. */
export type Hook = (input: RouteInput, call: Call) => Promise<unknown>;

interface Participant {
  nip: string;
  workUnit: { opd: string };
}
interface ParticipantLists {
  enrolments: Participant[];
  waitlist: Participant[];
}
interface LeagueTable {
  period: unknown;
  units?: ResponseOf<typeof getPublicScorecards>['units'];
}

const CACHE_SECONDS = 300;
const principalOf = (input: RouteInput) => (input.req as AuthenticatedRequest).principal;

/** Unit-heads see their own unit's participants, staff only themselves; the rest see everyone. */
function visibleTo(p: Principal | undefined, view: ParticipantLists): ParticipantLists {
  if (!p || p.roles.some((r) => ['admin', 'auditor', 'training-officer'].includes(r))) return view;
  const mine = (x: Participant) =>
    (p.roles.includes('unit-head') && x.workUnit.opd === p.unit) || (p.roles.includes('staff') && x.nip === p.nip);
  return { ...view, enrolments: view.enrolments.filter(mine), waitlist: view.waitlist.filter(mine) };
}

/** Staff names (personal data): training officers and admins, and the head of the OPD listed — not auditors. */
const mayReadNames = (p: Principal | undefined, opd: string | undefined) =>
  Boolean(
    p?.roles.some((r) => r === 'admin' || r === 'training-officer') ||
    (p?.roles.includes('unit-head') && p.unit !== undefined && opd === p.unit),
  );

/**
 * The gateway's own part of a few use cases, by name: filtering participants to the caller's
 * scope, composing the staff profile and the shortage report from two services, guarding citizens' comments, caching the
 * public scorecards. Every other use case is forwarded as it is.
 */
@Injectable()
export class GatewayHooks {
  private readonly scorecards = new Map<string, { at: number; body: unknown }>();
  private readonly hooks: Record<string, Hook> = {
    getProgramme: async (input, call) => visibleTo(principalOf(input), (await call()) as ParticipantLists),

    // The roster is the profile; competencies are added when the assessment service can answer.
    getStaffProfile: async (input, call) => {
      const [profile, competencies] = await Promise.all([
        call() as Promise<object>,
        this.forward
          .to('assessment', 'GET', fillPath(getCompetencyProfile.path, input.params), input.req, input.res)
          .catch((e: Error) => ({ unavailable: e.message })),
      ]);
      input.res.status(200);
      return { ...profile, competencies };
    },

    // The enrolment service prices the shortfall; the budget's forecast of the same year is set against it.
    getShortage: async (input, call) => {
      const estimate = (await call()) as ResponseOf<typeof getShortageEstimate>;
      const path = fillPath(getUnitForecast.path, input.params);
      const budget = await this.forward
        .to('budget', 'GET', path, input.req, input.res, { query: { fiscalYear: estimate.year } })
        .then((forecast) => budgetAgainst(estimate, forecast as ResponseOf<typeof getUnitForecast>))
        .catch((e: Error) => unavailable(e));
      input.res.status(200);
      return { ...estimate, budget };
    },

    // Names only for the roles that may read them (whatever the caller sent); the service opens them from its log.
    listStaff: (input, call) => {
      const principal = principalOf(input);
      const query = input.query as { opd?: string; includeNames?: boolean };
      query.includeNames = mayReadNames(principal, scopedOpd(principal, query.opd));
      return call();
    },

    // A PDF says nothing a scope can be read from: the certificate's own answer says whose it is, first.
    getCertificatePdf: async (input, call) => {
      const path = fillPath(getCertificate.path, input.params);
      const certificate = (await this.forward.to('enrolment', 'GET', path, input.req, input.res)) as ResponseOf<
        typeof getCertificate
      >;
      assertMayRead(principalOf(input), { opd: certificate.opd, nip: certificate.nip });
      return call();
    },

    listSurveyResponses: async (input, call) => {
      const principal = principalOf(input);
      const opd = await this.units.opdOf(input.params.unitCode);
      assertMayRead(principal, { opd });
      // Comments and contacts only for admins and the head of this unit's own OPD (auth/scope.ts).
      const query = input.query as { includePersonal?: boolean };
      query.includePersonal = Boolean(query.includePersonal) && mayReadPersonal(principal, opd);
      return call();
    },

    // Aggregates only (never comments or staff data), cached: citizens' traffic never reaches the service twice in 5 minutes.
    getPublicScorecards: async (input, call) => {
      input.res.setHeader('Cache-Control', `public, max-age=${CACHE_SECONDS}`);
      const key = (input.query as { period?: string }).period ?? 'current';
      const hit = this.scorecards.get(key);
      if (hit && Date.now() - hit.at < CACHE_SECONDS * 1000) return hit.body;
      const table = (await call()) as LeagueTable;
      const body = {
        period: table.period,
        units: (table.units ?? []).map((u) => ({
          unitCode: u.unitCode,
          name: u.name,
          opd: u.opd,
          kind: u.kind,
          ikm: u.ikm,
          grade: u.grade,
          gradeLabel: u.gradeLabel,
          responses: u.responses,
          sampleTarget: u.sampleTarget,
          sampleAdequate: u.sampleAdequate,
          rank: u.rank,
        })),
      };
      this.scorecards.set(key, { at: Date.now(), body });
      return body;
    },
  };

  constructor(
    private readonly forward: Forward,
    private readonly units: UnitDirectory,
  ) {
    // Checked once, at start-up: a hook must name a declared use case, and a composed one needs its hook.
    const declared = new Set(USE_CASES.map((u) => u.name));
    const unknown = Object.keys(this.hooks).filter((name) => !declared.has(name));
    const missing = USE_CASES.filter((u) => u.composed && !this.hooks[u.name]).map((u) => u.name);
    if (unknown.length || missing.length)
      throw new Error(
        `gateway hooks for undeclared use cases [${unknown.join(', ')}], none for composed [${missing.join(', ')}]`,
      );
  }

  /** The hook of a use case, if it has one. */
  for(u: UseCase): Hook | undefined {
    return this.hooks[u.name];
  }
}
