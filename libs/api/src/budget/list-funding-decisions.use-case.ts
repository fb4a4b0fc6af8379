import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { FUNDING_SOURCES, type FundingSource } from '@kompeten/contracts';
import { DateOnly, defineUseCase, Nullable, PARAM, StringEnum, Type } from '../use-case';
import { FiscalYearQueryRequest } from './fiscal-year-query.request.dto';
import { Rupiah } from './money.schema';

export class ListFundingDecisionsRequest extends FiscalYearQueryRequest {
  @ApiPropertyOptional({ enum: FUNDING_SOURCES, default: 'APBD' })
  @IsOptional()
  @IsIn(FUNDING_SOURCES)
  fundingSource?: FundingSource;
}

/** StaffEnrolled.need as the budget recorded it with the request. */
export const FundingNeedSchema = Nullable(
  Type.Object(
    {
      planLine: Nullable(
        Type.Object({
          lineId: Type.String({ example: 'L3' }),
          priority: Type.Integer({ minimum: 1, maximum: 5, description: '1 = most urgent' }),
          revision: Type.Integer({ description: 'The approved plan revision the line is from' }),
        }),
      ),
      jpShortfall: Type.Number({ example: 12, description: '20 JP minus the JP credited this fiscal year' }),
      gap: Type.Number({ example: 2, description: 'Required minus assessed level of the programme’s competency' }),
      ikmGrade: Nullable(StringEnum(['A', 'B', 'C', 'D'], { description: 'The service unit’s latest IKM grade' })),
      asOf: DateOnly({ description: 'The city date the need was read' }),
    },
    { description: 'Null: the request was made before needs were recorded (scores 0)' },
  ),
);

/** The parts of the priority score (scoreVersion 1), summing to the score. */
export const ScorePartsSchema = Type.Object({
  plan: Type.Number({ example: 40, description: 'Plan line: (6 − priority) × 8, 0 without one' }),
  jpShortfall: Type.Number({ example: 18, description: 'min(JP shortfall, 20) × 1.5' }),
  gap: Type.Number({ example: 10, description: 'min(gap, 4) × 5' }),
  ikm: Type.Number({ example: 7, description: 'IKM grade D 10, C 7, B 3, A or none 0' }),
});

const RequestFields = {
  enrolmentId: Type.String(),
  attempt: Type.Integer(),
  nip: Type.String({ example: '198609262015051001' }),
  programmeId: Type.String({ example: 'kom-sosial-2027' }),
  amount: Rupiah({ example: 1_500_000 }),
  requestedOn: DateOnly(),
  need: FundingNeedSchema,
  score: Type.Number({ example: 75 }),
  parts: ScorePartsSchema,
};

export const FundingDecisionSchema = Type.Object({
  ...RequestFields,
  rank: Type.Integer({ minimum: 1, description: '1 = decided first' }),
  outcome: StringEnum(['funded', 'waitlisted']),
  allocationId: Nullable(Type.String({ description: 'The allocation that pays (funded)' })),
  explanation: Type.String({
    example:
      'rank 1 of 4, score 75 (plan 40 + JP shortfall 18 + gap 10 + IKM 7): funded from area-komunikasi, which had 3000000 free before it',
  }),
});

export const FundingWindowSchema = Type.Object({
  decisionDay: DateOnly({ description: 'The window’s decision day (a city date)' }),
  decidedOn: DateOnly({ description: 'The city date it was decided' }),
  scoreVersion: Type.Integer({ example: 1 }),
  decisions: Type.Array(FundingDecisionSchema, { description: 'In rank order' }),
});

export const FundingPolicySchema = Type.Object({
  mode: StringEnum(['first-come', 'by-need']),
  windowDays: Nullable(Type.Integer({ example: 7 })),
  windowsFrom: Nullable(DateOnly()),
  setOn: Nullable(DateOnly({ description: 'Null: never set (first-come, the default)' })),
  nextDecisionDay: Nullable(DateOnly({ description: 'By-need: the next window’s decision day from today' })),
});

export const FundingDecisionsViewSchema = Type.Object({
  budgetId: Type.String({ example: '2027-DINSOS-APBD' }),
  opd: Type.String({ example: 'DINSOS' }),
  policy: FundingPolicySchema,
  pending: Type.Array(
    Type.Object({ ...RequestFields, decideOn: DateOnly({ description: 'Its window’s decision day' }) }),
    {
      description: 'Requests held for their window, in arrival order, with the score they will be ranked by',
    },
  ),
  waiting: Type.Array(Type.Object(RequestFields), {
    description: 'Requests waiting in the funds queue (ranked again with each window), in line order',
  }),
  windows: Type.Array(FundingWindowSchema, { description: 'Decided windows, latest first' }),
});

export const listFundingDecisions = defineUseCase({
  name: 'listFundingDecisions',
  service: 'budget',
  method: 'GET',
  path: '/units/:opd/funding-decisions',
  tag: 'budgets',
  summary: 'Funding by need: the policy, the requests held and waiting, and every window’s decisions with scores',
  params: { opd: PARAM.opd },
  query: ListFundingDecisionsRequest,
  response: FundingDecisionsViewSchema,
  access: { roles: ['training-officer', 'unit-head'], unitParam: 'opd' },
  // 404: no such budget.
  problems: [400, 404],
});
