import { parseNip, UNIT_CODE, UNIT_CODE_MESSAGE } from '@kompeten/contracts';
import { OPD_CODE, PROGRAMME_ID } from '../budget/codes';

/**
 * A path parameter's rule: checked by the gateway before anything is forwarded and by the service
 * (a 400 naming the parameter), and documented as the parameter's pattern.
 */
export interface ParamRule {
  /** The reason the value is refused, or undefined when it is fine. */
  check(value: string): string | undefined;
  pattern?: string;
  description: string;
  example: string;
}

const matching = (pattern: RegExp, message: string, description: string, example: string): ParamRule => ({
  check: (v) => (pattern.test(v) ? undefined : message),
  pattern: pattern.source,
  description,
  example,
});

/** The path parameters every use case draws from. */
export const PARAM = {
  nip: {
    check: (v: string) => {
      const r = parseNip(v);
      return r.ok ? undefined : `${r.part}: ${r.message}`;
    },
    pattern: '^[0-9]{18}$',
    description: 'An 18-digit NIP',
    example: '198609262015051001',
  } satisfies ParamRule,
  programmeId: matching(
    PROGRAMME_ID,
    'must be 3–64 lowercase letters, digits or dashes',
    'A programme id (lowercase code)',
    'kom-efektif-2026',
  ),
  opd: matching(OPD_CODE, 'must be an OPD code such as DINKES', 'An OPD code', 'DINKES'),
  unitCode: matching(UNIT_CODE, UNIT_CODE_MESSAGE, 'A service unit code', 'PUSKESMAS-GULAI-BANCAH'),
  id: matching(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/,
    'must be 1–128 letters, digits or ._:-',
    'An id',
    'b-2026-dinkes-apbd',
  ),
  uuid: matching(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    'must be a UUID',
    'A UUID',
    '0190a6f2-8b7c-7d4e-9f00-112233445566',
  ),
  // 32 random bytes, base64url (43 characters); `.ics` may follow, as calendar apps like their URLs to end.
  calendarToken: matching(
    /^[A-Za-z0-9_-]{43}(\.ics)?$/,
    'must be a calendar feed token',
    'A calendar feed’s secret token (from its URL)',
    '3q2-7wEz1c0e9Qy7n4r8R5rjJrC2kQ0xT6V1iKpLh0M.ics',
  ),
  period: matching(
    /^[0-9]{4}(-(Q[1-4]|[0-9]{2}))?$/,
    'must be a survey period such as 2026, 2026-Q2 or 2026-05',
    'A survey period',
    '2026-Q2',
  ),
  /** A fiscal year in a path (`/units/:opd/training-plans/:year`, `/staff/:nip/development-plans/:year`). */
  year: {
    check: (v: string) => (/^(20\d{2}|2100)$/.test(v) ? undefined : 'must be a fiscal year 2000–2100'),
    pattern: '^(20[0-9]{2}|2100)$',
    description: 'A fiscal year',
    example: '2026',
  },
} as const;
