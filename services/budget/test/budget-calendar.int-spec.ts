import { DataSource } from 'typeorm';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { inTransaction } from '@kompeten/messaging';
import type { ProblemDetails } from '@kompeten/platform';
import { eventually, httpOf } from '@kompeten/testing';
import { reactToEnrolmentEvent } from '../src/reactions/enrolment-events.reaction';
import { BudgetApp, startBudgetApp, TestClock, uniqueOpd } from './budget-app';
import { asStored, staffEnrolled } from './enrolment-events';

// 03:00 WIB on the coming 1 January: in the city it is the new year, in UTC still 31 December.
// (The coming one, so that the money the test commits now falls within the forecast's window.)
const year = new CityCalendar('Asia/Jakarta').yearOf(new Date()) + 1;
const newYearsMorning = new Date(`${year - 1}-12-31T20:00:00.000Z`);

interface YearView {
  fiscalYear: number;
}

describe('the budget service reads "today" and "this year" in the city’s calendar (Asia/Jakarta)', () => {
  let budget: BudgetApp;
  const http = () => httpOf(budget.app);
  const opd = uniqueOpd('WIB');

  beforeAll(async () => {
    budget = await startBudgetApp(undefined, { clock: new TestClock(newYearsMorning) });
  });
  afterAll(() => budget.stop());

  it('opens a budget for the city’s next fiscal year, not further (the UTC year would still be the old one)', async () => {
    for (const fiscalYear of [year, year + 1])
      await http().post('/budgets').send({ fiscalYear, opd, fundingSource: 'APBD', ceiling: 10_000_000 }).expect(201);
    const refused = await http()
      .post('/budgets')
      .send({ fiscalYear: year + 2, opd, fundingSource: 'APBD', ceiling: 10_000_000 })
      .expect(400);
    expect((refused.body as ProblemDetails).errors).toEqual([
      { field: 'fiscalYear', message: expect.stringContaining(`at most ${year + 1}`) as unknown },
    ]);
  });

  it('answers utilisation and unit costs for the city’s year by default', async () => {
    const utilisation = await eventually(async () => {
      const body = (await http().get(`/utilisation?opd=${opd}`).expect(200)).body as YearView & { rows: unknown[] };
      return body.rows.length ? body : undefined;
    });
    expect(utilisation).toMatchObject({ fiscalYear: year, rows: [{ opd, budgets: 1 }] });
    expect(((await http().get(`/units/${opd}/costs`).expect(200)).body as YearView).fiscalYear).toBe(year);
  });

  it('forecasts for the city’s year, and money already gone ran out on the city’s date, 1 January', async () => {
    await http()
      .post(`/budgets/${year}-${opd}-APBD/allocations`)
      .send({ competencyArea: 'patient-management', amount: 1_500_000 })
      .expect(201);
    const store = budget.app.get(EventStore);
    const enrolled = staffEnrolled(opd, 0, { year });
    await inTransaction(budget.app.get(DataSource), (tx) => reactToEnrolmentEvent(store)(asStored(enrolled), tx));
    const forecast = await eventually(async () => {
      const body = (await http().get(`/units/${opd}/forecast?windowDays=366`).expect(200)).body as {
        fiscalYear: number;
        free: number;
        forecast: { runsOutOn: string | null };
      };
      return body.free === 0 && body.forecast.runsOutOn ? body : undefined;
    });
    expect(forecast).toMatchObject({ fiscalYear: year, forecast: { daysLeft: 0, runsOutOn: `${year}-01-01` } });
  });
});
