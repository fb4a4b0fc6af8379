import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CommandAcceptedBody } from '@kompeten/api';
import type { ProblemDetails } from '@kompeten/platform';
import { httpOf } from '@kompeten/testing';
import { BudgetApp, startBudgetApp, uniqueOpd } from '../../services/budget/test/budget-app';

// A service runs a command the gateway named (x-command-id, from the client's Idempotency-Key) at
// most once, whatever happened between them: the retry of a command that already ran gets the first
// answer again — not a second append, even after someone else changed the budget in between (a lost
// update) — and the answer is rebuilt from the events when the service died before storing it.
describe('a command sent with x-command-id runs once in its service', () => {
  let budget: BudgetApp;
  let sql: DataSource;
  const http = () => httpOf(budget.app);
  const opd = uniqueOpd('DEDUP');
  const budgetId = `2026-${opd}-APBD`;
  const allocationId = 'programme-dedup-2026';
  const commandId = () => createHash('sha256').update(randomUUID()).digest('hex');
  const revise = (amount: number, id?: string) => {
    const r = http().post(`/budgets/${budgetId}/allocations/${allocationId}/revisions`).send({ amount });
    return id ? r.set('x-command-id', id) : r;
  };
  /** The budget stream's events, with the command id each carries. */
  const events = async (type?: string) =>
    (
      await sql.query<{ type: string; command_id: string | null; amount: number | null }[]>(
        `select type, metadata->>'commandId' as command_id, (payload->>'amount')::bigint as amount
         from es_event where stream_id = $1 ${type ? 'and type = $2' : ''} order by position`,
        type ? [`budget-${budgetId}`, type] : [`budget-${budgetId}`],
      )
    ).map((e) => ({ ...e, amount: e.amount === null ? null : Number(e.amount) }));

  beforeAll(async () => {
    budget = await startBudgetApp();
    sql = budget.app.get(DataSource);
    await http()
      .post('/budgets')
      .send({ fiscalYear: 2026, opd, fundingSource: 'APBD', ceiling: 100_000_000 })
      .expect(201);
    await http()
      .post(`/budgets/${budgetId}/allocations`)
      .send({ programmeId: 'dedup-2026', amount: 30_000_000 })
      .expect(201);
  });
  afterAll(() => budget?.stop());

  it('answers a retry with the first answer and appends nothing, even after a later change', async () => {
    const first = commandId();
    const answered = await revise(70_000_000, first).expect(201);
    expect((answered.body as CommandAcceptedBody).events).toEqual(['AllocationRevised']);
    await revise(60_000_000, commandId()).expect(201); // someone else's revision, after ours

    const retried = await revise(70_000_000, first).expect(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body).toEqual(answered.body);
    expect(retried.headers.etag).toBe(answered.headers.etag);
    // Run twice, the retry would have put 70 M back over the later 60 M.
    expect((await events('AllocationRevised')).map((e) => e.amount)).toEqual([70_000_000, 60_000_000]);
    expect((await events('AllocationRevised'))[0].command_id).toBe(first);
  });

  it('refuses the same command id for a different request (422, naming x-command-id)', async () => {
    const id = commandId();
    await revise(65_000_000, id).expect(201);
    const other = await revise(66_000_000, id).expect(422);
    expect((other.body as ProblemDetails).errors).toMatchObject([{ field: 'x-command-id' }]);
    expect((await events('AllocationRevised')).filter((e) => e.command_id === id)).toHaveLength(1);
  });

  it('refuses an x-command-id that is not a sha256 (400, naming it) and runs nothing', async () => {
    const before = (await events()).length;
    const refused = await revise(10_000_000, 'my-raw-idempotency-key').expect(400);
    expect((refused.body as ProblemDetails).errors).toMatchObject([{ field: 'x-command-id' }]);
    expect(await events()).toHaveLength(before);
  });

  it('rebuilds the answer from the events when the service died between its commit and storing the answer', async () => {
    const id = commandId();
    const answered = await revise(50_000_000, id).expect(201);
    // What a crash right after the commit leaves: the events, and the claim still `running`.
    const crashed = (claimedAt: string) =>
      sql.query(
        `update es_command_answer set state = 'running', status = null, headers = null, body = null,
           answered_at = null, claimed_at = ${claimedAt} where command_id = $1`,
        [id],
      );
    await crashed('now()');
    // Within the lease the claim could be a command still running: retry shortly.
    const early = await revise(50_000_000, id).expect(409);
    expect((early.body as ProblemDetails).type).toMatch(/\/command-in-progress$/);
    expect(early.headers['retry-after']).toBe('1');

    await crashed(`now() - interval '1 hour'`); // its holder is long gone
    const retried = await revise(50_000_000, id).expect(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.headers['idempotent-reconstructed']).toBe('true');
    expect(retried.body).toEqual(answered.body);
    expect(retried.headers.etag).toBe(answered.headers.etag);
    expect((await events('AllocationRevised')).filter((e) => e.command_id === id)).toHaveLength(1);
    // … and kept: the next retry replays the stored answer.
    expect((await revise(50_000_000, id).expect(201)).body).toEqual(answered.body);
  });

  it('runs one of several concurrent requests with the same id; the others wait for its answer or get 409', async () => {
    const concurrentOpd = uniqueOpd('DEDUPC');
    const id = commandId();
    const open = () =>
      http()
        .post('/budgets')
        .set('x-command-id', id)
        .send({ fiscalYear: 2026, opd: concurrentOpd, fundingSource: 'APBD', ceiling: 5_000_000 });
    const answers = await Promise.all(Array.from({ length: 6 }, open));
    const outcomes = answers.map((r) =>
      r.status === 201
        ? r.headers['idempotent-replayed'] === 'true'
          ? 'replayed'
          : 'ran'
        : `${r.status} ${(r.body as ProblemDetails).type.split('/').pop()}`,
    );
    // Not a 409 budget-exists: the command was not run a second time to be refused.
    expect(outcomes.filter((o) => o === 'ran')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'ran' && o !== 'replayed' && o !== '409 command-in-progress')).toEqual([]);
    const opened = await sql.query<{ n: string }[]>(
      `select count(*) as n from es_event where stream_id = $1 and metadata->>'commandId' = $2`,
      [`budget-2026-${concurrentOpd}-APBD`, id],
    );
    expect(Number(opened[0].n)).toBe(1);
  });
});
