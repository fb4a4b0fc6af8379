import { IsOptional, Matches } from 'class-validator';
import { defineUseCase, PARAM, Type } from '@kompeten/api';
import { DomainError } from '@kompeten/domain';
import type { UseCaseRequest } from '@kompeten/platform';
import { UsageError } from '../shared/audit-settings';
import { runQueryUseCase } from './query-use-case';
import type { ReplayedTables } from './read-model';
import { readModelCatalogue, replayDataSource, serviceAudit } from './service-audit';

class PeriodQuery {
  @IsOptional()
  @Matches(/^\d{4}-Q[1-4]$/, { message: 'period must be a quarter' })
  period?: string;
}

const getFigure = defineUseCase({
  name: 'getFigure',
  service: 'feedback',
  method: 'GET',
  path: '/units/:unitCode/figure',
  tag: 'test',
  summary: 'A figure',
  params: { unitCode: PARAM.unitCode },
  query: PeriodQuery,
  response: Type.Object({ unitCode: Type.String(), period: Type.String(), rows: Type.Integer() }),
  access: { roles: ['training-officer'] },
  problems: [400, 404],
});

/** Answers as a service's handler would: from its DataSource, at its clock's time. */
const handlerOver = (db: { query(sql: string): Promise<unknown[]> }, now: Date) => ({
  async handle({ params, query }: UseCaseRequest<typeof getFigure>) {
    if (params.unitCode === 'PKM-NOWHERE')
      throw DomainError.notFound('unit-not-found', 'Unknown', 'no unit PKM-NOWHERE');
    const rows = await db.query('select 1');
    return { unitCode: params.unitCode, period: query.period ?? `${now.getUTCFullYear()}-Q1`, rows: rows.length };
  },
});

const tables = (rows: Record<string, unknown>[] = [{ one: 1 }]): ReplayedTables & { asked: string[] } => {
  const asked: string[] = [];
  return { asked, query: (sql: string) => (asked.push(sql), Promise.resolve(rows)) };
};

describe('a query use case run by its own handler, as its route runs it', () => {
  it('validates the raw query string with the use case’s query class and checks the path parameters', async () => {
    const handler = handlerOver(tables(), new Date('2026-02-01T00:00:00Z'));
    await expect(
      runQueryUseCase(getFigure, handler, { params: { unitCode: 'PKM-A' }, query: { period: '2026-Q2' } }),
    ).resolves.toEqual({ unitCode: 'PKM-A', period: '2026-Q2', rows: 1 });
    await expect(
      runQueryUseCase(getFigure, handler, { params: { unitCode: 'PKM-A' }, query: { period: '2026-Q5' } }),
    ).rejects.toMatchObject({ response: { errors: [{ field: 'period', message: 'period must be a quarter' }] } });
    await expect(
      runQueryUseCase(getFigure, handler, { params: { unitCode: 'PKM-A' }, query: { format: 'csv' } }),
    ).rejects.toMatchObject({ response: { errors: [{ field: 'format' }] } });
    await expect(runQueryUseCase(getFigure, handler, { params: { unitCode: 'not a unit' } })).rejects.toMatchObject({
      response: { errors: [{ field: 'unitCode' }] },
    });
    await expect(runQueryUseCase(getFigure, handler, { params: {} })).rejects.toMatchObject({
      kind: 'invalid',
      extensions: { errors: [{ field: 'unitCode' }] },
    });
  });
});

describe('a service’s audit entry point', () => {
  const figureModel = serviceAudit('feedback', [
    {
      name: 'unit-figure',
      description: 'a figure',
      params: ['unitCode', 'period'],
      figure: {
        name: 'figure',
        run: ({ db, clock, params: { unitCode, ...query } }) =>
          runQueryUseCase(getFigure, handlerOver(db, clock.now()), { params: { unitCode }, query }),
      },
    },
  ]).readModels[0];
  const render = figureModel.render!;

  it('stamps its service on each read model and runs a figure over the replayed tables at the cut-off', async () => {
    expect(figureModel).toMatchObject({ name: 'unit-figure', service: 'feedback', render: { name: 'figure' } });
    const replayed = tables([{ a: 1 }, { a: 2 }]);
    await expect(
      render.run(replayed, { params: { unitCode: 'PKM-A' }, asOf: '2027-03-31T17:00:00Z' }),
    ).resolves.toEqual({ unitCode: 'PKM-A', period: '2027-Q1', rows: 2 });
    expect(replayed.asked).toEqual(['select 1']);
  });

  it('turns what the service would refuse into the CLI’s usage errors, naming the parameter or the answer', async () => {
    const asOf = '2026-03-31T17:00:00.000Z';
    await expect(render.run(tables(), { params: { unitCode: 'PKM-A', period: '2026-Q5' }, asOf })).rejects.toEqual(
      new UsageError('--param period: period must be a quarter'),
    );
    await expect(render.run(tables(), { params: {}, asOf })).rejects.toThrow(/^--param unitCode: is required/);
    await expect(render.run(tables(), { params: { unitCode: 'PKM-NOWHERE' }, asOf })).rejects.toEqual(
      new UsageError(`as of ${asOf} the feedback service would have answered 404: no unit PKM-NOWHERE`),
    );
    const broken = { query: () => Promise.reject(new Error('connection lost')) };
    await expect(render.run(broken, { params: { unitCode: 'PKM-A' }, asOf })).rejects.toThrow('connection lost');
  });

  it('offers the service’s code its DataSource’s query only, and names anything else it reaches for', async () => {
    const db = replayDataSource(tables([{ n: 1 }]));
    await expect(db.query('select 1')).resolves.toEqual([{ n: 1 }]);
    expect(() => db.createQueryRunner()).toThrow(/DataSource.query only, not DataSource.createQueryRunner/);
  });

  it('refuses a catalogue where two services name a read model alike', () => {
    const a = serviceAudit('enrolment', [{ name: 'roster', description: 'a' }]);
    const b = serviceAudit('assessment', [{ name: 'roster', description: 'b' }]);
    expect(readModelCatalogue([a]).map((m) => m.service)).toEqual(['enrolment']);
    expect(() => readModelCatalogue([a, b])).toThrow('read models named twice in the audit catalogue: roster');
  });
});
