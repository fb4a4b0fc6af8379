import type { Response } from 'express';
import type { QueryRunner } from 'typeorm';
import type { ExpenditureRecorded } from '@kompeten/contracts';
import { CityCalendar } from '@kompeten/domain';
import type { StoredEvent } from '@kompeten/event-store';
import type { Clock, UseCaseRequest } from '@kompeten/platform';
import type { getCorrelationReport, getLeagueTable } from '@kompeten/api';
import type { CorrelationReportBuilder, CorrelationReportRequest } from '../correlation/correlation-report.builder';
import type { UnitPeriodFactsReader } from '../correlation/unit-period-facts.reader';
import type { SurveyPeriod } from '../ikm/survey-period';
import { GetCorrelationReportHandler } from '../queries/get-correlation-report/get-correlation-report.handler';
import { GetLeagueTableHandler } from '../queries/get-league-table/get-league-table.handler';
import { applyTrainingSpend } from '../training-history/training-spend.consumer';
import { periodOrCurrentQuarter } from './period-or-fail';

// "Today", "this quarter" and "this year" are the city's (CityCalendar, CITY_TIME_ZONE), not a
// fixed UTC+7: a WIT city (Asia/Jayapura, UTC+9) is already in the new year while WIB is not.
const WIT = new CityCalendar('Asia/Jayapura');
/** 00:30 on 1 January 2027 in Jayapura; 22:30 on 31 December 2026 in Jakarta; 15:30 UTC. */
const NEW_YEAR_WIT = new Date('2026-12-31T15:30:00.000Z');
const clockAt = (instant: Date): Clock => ({ now: () => new Date(instant) });

describe('the feedback service reads dates through the city’s calendar', () => {
  it('takes the current quarter from the city’s date it is given', () => {
    expect(periodOrCurrentQuarter(undefined, '2027-01-01').id).toBe('2027-Q1');
    expect(periodOrCurrentQuarter('2026-05', '2027-01-01').id).toBe('2026-05');
  });

  it('defaults the correlation report to the city’s year', async () => {
    let asked: CorrelationReportRequest | undefined;
    const builder = {
      build: (request: CorrelationReportRequest) => {
        asked = request;
        return Promise.resolve({});
      },
    } as unknown as CorrelationReportBuilder;
    const handler = new GetCorrelationReportHandler(builder, clockAt(NEW_YEAR_WIT), WIT);
    await handler.handle({ query: {}, res: {} as Response } as UseCaseRequest<typeof getCorrelationReport>);
    expect(asked?.from.id).toBe('2027');
    expect(asked?.to.id).toBe('2027');
  });

  it('defaults the league table to the city’s quarter', async () => {
    let asked: SurveyPeriod | undefined;
    const facts = {
      facts: (period: SurveyPeriod) => {
        asked = period;
        return Promise.resolve([]);
      },
    } as unknown as UnitPeriodFactsReader;
    const table = await new GetLeagueTableHandler(facts, clockAt(NEW_YEAR_WIT), WIT).handle({
      query: {},
    } as UseCaseRequest<typeof getLeagueTable>);
    expect(asked?.id).toBe('2027-Q1');
    expect(table.period).toEqual({ id: '2027-Q1', start: '2027-01-01', end: '2027-03-31' });
  });

  it('dates recorded spending by the city’s date of the event', async () => {
    const params: unknown[][] = [];
    const tx = {
      query: (_sql: string, p: unknown[]) => {
        params.push(p);
        return Promise.resolve([]);
      },
    } as unknown as QueryRunner;
    const event = {
      eventId: '0193a3c4-0000-7000-8000-000000000001',
      type: 'ExpenditureRecorded',
      occurredAt: NEW_YEAR_WIT.toISOString(),
      data: {
        budgetId: 'b',
        allocationId: 'a',
        commitmentId: 'c',
        enrolmentId: 'e',
        programmeId: 'p',
        nip: '198609262015051001',
        committed: 1_500_000,
        amount: 1_250_000,
        jp: 24,
      } satisfies ExpenditureRecorded['data'],
    } as unknown as StoredEvent;
    await applyTrainingSpend(WIT)(event, tx);
    expect(params).toEqual([[event.eventId, 'e', 'p', '198609262015051001', 1_250_000, '2027-01-01']]);
    await applyTrainingSpend(new CityCalendar('Asia/Jakarta'))(event, tx);
    expect(params[1][5]).toBe('2026-12-31');
  });
});
