import { BadRequestException } from '@nestjs/common';
import { DomainError } from '@kompeten/domain';
import { PROBLEM_BASE } from './problem-details';
import { DOMAIN_ERROR_STATUS, toProblem } from './problem-details.filter';

/** What body-parser throws (http-errors): a status, and `expose` when the message may be shown. */
const httpError = (status: number, message: string, expose = status < 500) =>
  Object.assign(new Error(message), { status, statusCode: status, expose });

describe('toProblem', () => {
  it('answers a domain error with its kind’s status, its slug as the type and its extensions', () => {
    const error = DomainError.conflict('enrolment-state', 'Not possible', 'the enrolment is completed', {
      currentState: 'completed',
    });
    // Byte for byte what DomainProblem(409, …) answered: the key order is the body's.
    expect(JSON.stringify(toProblem(error, '/programmes/p-1/enrolments/e-1'))).toBe(
      JSON.stringify({
        type: PROBLEM_BASE + 'enrolment-state',
        title: 'Not possible',
        status: 409,
        detail: 'the enrolment is completed',
        instance: '/programmes/p-1/enrolments/e-1',
        currentState: 'completed',
      }),
    );
    expect(toProblem(DomainError.invalid('capacity', 'must be at least 1'))).toEqual({
      type: PROBLEM_BASE + 'validation',
      title: 'The request is not valid',
      status: 400,
      detail: 'capacity: must be at least 1',
      instance: undefined,
      errors: [{ field: 'capacity', message: 'must be at least 1' }],
    });
  });

  it('maps every kind of domain error through the one table', () => {
    expect(DOMAIN_ERROR_STATUS).toEqual({
      'not-found': 404,
      conflict: 409,
      invalid: 400,
      unprocessable: 422,
      gone: 410,
      unavailable: 503,
      forbidden: 403,
    });
    for (const [kind, status] of Object.entries(DOMAIN_ERROR_STATUS))
      expect(toProblem(new DomainError(kind as keyof typeof DOMAIN_ERROR_STATUS, 's', 't', 'd')).status).toBe(status);
  });

  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    [
      'a server shutting down (57P01), wrapped by TypeORM',
      Object.assign(new Error('query failed'), { driverError: { code: '57P01' } }),
    ],
    ['a connection that died mid-query', new Error('Connection terminated unexpectedly')],
  ])('answers 503 with Retry-After when the database is unavailable: %s', (_, error) => {
    expect(toProblem(error, '/staff')).toEqual({
      type: PROBLEM_BASE + 'unavailable',
      title: expect.any(String) as unknown,
      status: 503,
      instance: '/staff',
      retryAfterSeconds: 2,
    });
  });

  it.each([
    [413, 'request entity too large'],
    [415, 'unsupported charset "UTF-7"'],
    [400, 'request aborted'],
  ])("passes body-parser's %i on with its own status and message", (status, message) => {
    expect(toProblem(httpError(status, message), '/staff')).toEqual({
      type: PROBLEM_BASE + String(status),
      title: message,
      status,
      instance: '/staff',
    });
  });

  it('keeps errors whose message is not meant to be shown opaque', () => {
    expect(toProblem(httpError(413, 'secret detail', false)).status).toBe(500);
    expect(toProblem(httpError(502, 'upstream'))).toMatchObject({ status: 500, title: 'Internal error' });
    expect(toProblem(new Error('relation "es_event" does not exist'))).toMatchObject({
      status: 500,
      title: 'Internal error',
    });
  });

  it('maps validation errors as before', () => {
    expect(
      toProblem(
        new BadRequestException({
          errors: [{ field: 'position', message: 'must not contain NUL characters or unpaired surrogates' }],
        }),
      ),
    ).toMatchObject({
      status: 400,
      type: PROBLEM_BASE + 'validation',
      detail: 'position: must not contain NUL characters or unpaired surrogates',
    });
  });
});
