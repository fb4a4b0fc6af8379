import { QueryFailedError } from 'typeorm';
import { isTransientError } from './transient-error';

const withCode = (code: string, message = 'boom') => Object.assign(new Error(message), { code });

describe('telling transient errors from bad events', () => {
  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'])('retries a %s socket error', (code) => {
    expect(isTransientError(withCode(code))).toBe(true);
  });

  it.each([
    ['08006', 'connection failure'],
    ['08001', 'cannot establish a connection'],
    ['57P01', 'administrator shut the server down'],
    ['57P03', 'server is starting up'],
    ['40001', 'serialization failure'],
    ['40P01', 'deadlock'],
    ['53300', 'too many connections'],
  ])('retries Postgres SQLSTATE %s (%s)', (code) => {
    expect(isTransientError(withCode(code))).toBe(true);
  });

  it("looks through TypeORM's QueryFailedError to the driver error", () => {
    const driverError = withCode('57P01', 'terminating connection due to administrator command');
    expect(isTransientError(new QueryFailedError('select 1', [], driverError))).toBe(true);
  });

  it("recognises pg's messages for a connection that died mid-use", () => {
    expect(isTransientError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransientError(new Error('Client has encountered a connection error and is not queryable'))).toBe(true);
  });

  it('looks into causes and aggregate errors', () => {
    expect(isTransientError(new Error('apply failed', { cause: withCode('ECONNREFUSED') }))).toBe(true);
    expect(isTransientError(new AggregateError([new Error('x'), withCode('ECONNREFUSED')]))).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505', 'duplicate key value')],
    ['a syntax error', withCode('42601', 'syntax error at or near')],
    ['a bug in a handler', new TypeError("Cannot read properties of undefined (reading 'nip')")],
    ['a thrown string', 'nope'],
  ])('does not retry %s without limit', (_name, error) => {
    expect(isTransientError(error)).toBe(false);
  });
});
