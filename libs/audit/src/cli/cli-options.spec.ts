import { targetResolver, UsageError } from '../shared/audit-settings';
import { parseCommandLine, parseInstant, parseParams } from './cli-options';

describe('the audit command line', () => {
  it('reads a command, its arguments and repeatable options', () => {
    const { command, positionals, values } = parseCommandLine([
      'export',
      '--service',
      'enrolment',
      '--type',
      'A',
      '--type',
      'B',
      '--json',
    ]);
    expect(command).toBe('export');
    expect(positionals).toEqual([]);
    expect(values).toMatchObject({ service: 'enrolment', type: ['A', 'B'], json: true });
  });

  it('refuses an unknown command or option with a usage error', () => {
    expect(() => parseCommandLine(['verfy'])).toThrow(UsageError);
    expect(() => parseCommandLine(['verify', '--servce', 'x'])).toThrow(UsageError);
  });

  it('normalises a moment to the form recordedAt has (UTC, milliseconds)', () => {
    expect(parseInstant('2026-03-31T23:59:59+07:00', '--as-of')).toBe('2026-03-31T16:59:59.000Z');
    expect(() => parseInstant('31 March', '--as-of')).toThrow(UsageError);
  });

  it('takes only the parameters a read model declares', () => {
    expect(parseParams(['nip=198609262015051001'], ['nip'])).toEqual({ nip: '198609262015051001' });
    expect(() => parseParams(['opd=DINKES'], ['nip'])).toThrow(/unknown parameter opd/);
  });

  it('finds each service’s copies by convention, unless told otherwise per service', () => {
    const env = { DATABASE_URL: 'postgres://auditor:secret@db.internal:5432/postgres', KOMPETEN_DB_PREFIX: 'kota' };
    const resolve = targetResolver(
      { databaseUrl: ['postgres://x@h/restored'], topic: ['budget=copy.budget.events'] },
      env,
      'enrolment',
    );
    expect(resolve('enrolment')).toEqual({
      service: 'enrolment',
      databaseUrl: 'postgres://x@h/restored',
      topic: 'kompeten.enrolment.events',
      relayName: 'enrolment-relay',
    });
    expect(resolve('budget')).toEqual({
      service: 'budget',
      databaseUrl: 'postgres://auditor:secret@db.internal:5432/kota_budget',
      topic: 'copy.budget.events',
      relayName: 'budget-relay',
    });
    expect(() => targetResolver({ databaseUrl: ['postgres://x@h/y'] }, env)('budget')).toThrow(/say which service/);
  });
});
