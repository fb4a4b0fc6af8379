import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DECLINE_REASONS, WITHDRAWAL_REASONS } from '@kompeten/contracts';
import { defineUseCase, Nullable, Type, type Static } from '../use-case';
import { UnitYearQueryRequest } from './unit-year-query.request.dto';

export class GetReleaseReportRequest extends UnitYearQueryRequest {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv: one line per unit and quarter' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

/** A count for every key of a fixed list, each present (0 when none). */
const CountsBy = <const K extends readonly string[]>(keys: K, description: string) =>
  Type.Unsafe<Record<K[number], number>>(
    Type.Object(Object.fromEntries(keys.map((k) => [k, Type.Integer({ minimum: 0 })])), { description }),
  );

const LeadTime = Type.Object(
  {
    n: Type.Integer({ description: 'Approvals on request with a known request date' }),
    median: Nullable(Type.Number({ description: 'Days (one decimal); null when n = 0' })),
    p90: Nullable(
      Type.Number({ description: '90th percentile (linear interpolation, numpy’s default), days; null when n = 0' }),
    ),
  },
  {
    description:
      'Days from the staff member’s request (their enrolment’s date) to the unit head’s release, over the approvals dated in the period; nominations are left out (the head asked, nobody waited)',
  },
);

const Figures = {
  requests: Type.Integer({
    description:
      'Enrolments asking for a release (programmes that need one; nominations excluded) requested in the period',
  }),
  approvals: Type.Integer({ description: 'Releases by the unit head dated in the period (nominations included)' }),
  nominations: Type.Integer({ description: 'Of the approvals, those where the unit head nominated the staff member' }),
  declines: CountsBy(DECLINE_REASONS, 'Declines by the unit head dated in the period, by coded reason'),
  withdrawals: CountsBy(WITHDRAWAL_REASONS, 'Withdrawals in the period (city date), by reason'),
  approvalLeadTimeDays: LeadTime,
  seatsLostToLateWithdrawals: Type.Integer({
    description:
      'Confirmed enrolments withdrawn less than lateWithdrawalDays before the programme’s first session, or after it (programmes later cancelled left out)',
  }),
};

export const ReleaseReportRowSchema = Type.Object({
  opd: Type.String({ example: 'DINKES' }),
  serviceUnit: Nullable(
    Type.String({ example: 'PUSKESMAS-GULAI-BANCAH', description: 'null: staff of the OPD itself' }),
  ),
  quarter: Type.String({ example: '2026-Q1' }),
  ...Figures,
});

export const ReleaseReportSchema = Type.Object({
  year: Type.Integer({ example: 2026 }),
  filter: Type.Object({ opd: Nullable(Type.String()), serviceUnit: Nullable(Type.String()) }),
  lateWithdrawalDays: Type.Integer({
    example: 7,
    description: 'A confirmed seat withdrawn fewer days than this before the first session is counted lost',
  }),
  rows: Type.Array(ReleaseReportRowSchema, {
    description: 'One per unit and quarter with any activity, by OPD, service unit and quarter',
  }),
  totals: Type.Object(Figures, { description: 'The same figures over the whole year and selection' }),
  hotspots: Type.Array(
    Type.Object({
      opd: Type.String(),
      serviceUnit: Nullable(Type.String()),
      workloadDeclines: Type.Integer({ description: 'Declines for workload-no-cover' }),
      workloadWithdrawals: Type.Integer({ description: 'Withdrawals for workload' }),
      total: Type.Integer(),
    }),
    {
      description:
        'The units with the most workload declines and withdrawals in the year (at most 10, most first; none without any)',
    },
  ),
});
export type ReleaseReport = Static<typeof ReleaseReportSchema>;

export const getReleaseReport = defineUseCase({
  name: 'getReleaseReport',
  service: 'enrolment',
  method: 'GET',
  path: '/reports/releases',
  tag: 'reports',
  summary:
    'Declines and withdrawals by reason per unit and quarter, approval lead time, seats lost to late withdrawals, workload hotspots (default: the city’s current year; unit-heads: their OPD; CSV with format=csv)',
  params: {},
  query: GetReleaseReportRequest,
  // The JSON document; with format=csv the handler answers the CSV text instead (`csv: true`).
  response: Type.Unsafe<ReleaseReport | string>(ReleaseReportSchema),
  csv: true,
  access: { roles: ['training-officer', 'unit-head'], unitQuery: true },
  problems: [400],
});
