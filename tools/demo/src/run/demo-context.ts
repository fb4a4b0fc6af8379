import type { Actor, GatewayClient } from '../gateway/gateway-client';
import type { Capabilities } from '../gateway/capabilities';
import type { ScenarioPlan } from '../plan/scenario.plan';
import type { Progress } from './progress';

/** What every step gets: the plan, the gateway, what it serves, where to report. */
export interface DemoContext {
  plan: ScenarioPlan;
  /** `client.as(actor)` is the typed API (@kompeten/client) with that actor's token. */
  client: GatewayClient;
  caps: Capabilities;
  progress: Progress;
  concurrency: number;
  /** A command that still failed after its retries: reported, counted, and the run goes on. */
  failed: (error: unknown) => void;
}

/** Collects failures; the first few are logged as they happen. */
export function failureLog(progress: Progress) {
  const errors: string[] = [];
  return {
    errors,
    failed: (e: unknown) => {
      errors.push((e as Error)?.message ?? String(e));
      if (errors.length <= 5) progress.log(`failed: ${errors[errors.length - 1]}`);
    },
  };
}

/**
 * Who does what, each with their own token: BKPSDM's planning officer opens budgets, each
 * work unit's training officer (a puskesmas, a counter, an OPD office) enrols its staff and records
 * their attendance, every kiosk submits its own citizens' answers, BKPSDM runs the catalogue; a
 * puskesmas's head sets its continuity rule and releases or declines its staff, who ask themselves.
 */
export const actors = {
  /** The city's Kompeten administrator (registers the learning platform). */
  admin: { role: 'admin', sub: 'admin-bkpsdm' } as Actor,
  planner: { role: 'training-officer', sub: 'officer-bkpsdm-perencanaan' } as Actor,
  bkpsdm: (plan: ScenarioPlan): Actor =>
    actors.officerOf({ opd: plan.tag ? `BKPSDM-${plan.tag.toUpperCase()}` : 'BKPSDM' }),
  officerOf: (w: { opd: string; serviceUnit?: string | null }): Actor => ({
    role: 'training-officer',
    sub: `officer-${(w.serviceUnit ?? w.opd).toLowerCase()}`,
  }),
  kiosk: (unitCode: string, n: number): Actor => ({ role: 'kiosk', sub: `kiosk-${unitCode.toLowerCase()}-${n + 1}` }),
  /**
   * The head of a puskesmas (kepala puskesmas): a unit-head whose token names the OPD, since the
   * gateway scopes a unit head by OPD; the service checks the staff member works in it.
   */
  headOf: (w: { opd: string; serviceUnit: string | null }): Actor => ({
    role: 'unit-head',
    sub: `head-${(w.serviceUnit ?? w.opd).toLowerCase()}`,
    unit: w.opd,
  }),
  /** A staff member asking for a programme themselves (their token carries their NIP). */
  staff: (nip: string): Actor => ({ role: 'staff', sub: `staff-${nip}`, nip }),
};

/** Idempotency keys name the run and the command: the same scenario sent again changes nothing. */
export const commandKey = (plan: ScenarioPlan, ...parts: (string | number)[]) =>
  ['demo', `s${plan.seed}`, plan.tag || 'city', ...parts]
    .join('.')
    .replace(/[^A-Za-z0-9._:-]/g, '-')
    .slice(0, 200);
