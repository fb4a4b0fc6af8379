import { DomainError } from './domain-error';

describe('DomainError', () => {
  it('is an Error whose message is the detail', () => {
    const e = DomainError.notFound('programme-not-found', 'Unknown programme', 'no programme p-1');
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({
      name: 'DomainError',
      kind: 'not-found',
      slug: 'programme-not-found',
      title: 'Unknown programme',
      message: 'no programme p-1',
      detail: 'no programme p-1',
      extensions: {},
    });
  });

  it('names the wrong field of an invalid request', () => {
    expect(DomainError.invalid('capacity', 'must be at least 1')).toMatchObject({
      kind: 'invalid',
      slug: 'validation',
      title: 'The request is not valid',
      detail: 'capacity: must be at least 1',
      extensions: { errors: [{ field: 'capacity', message: 'must be at least 1' }] },
    });
  });

  const extensions = { currentState: 'closed' };
  it.each([
    ['conflict', DomainError.conflict('slug', 'Title', 'detail', extensions)],
    ['unprocessable', DomainError.unprocessable('slug', 'Title', 'detail', extensions)],
    ['gone', DomainError.gone('slug', 'Title', 'detail', extensions)],
    ['unavailable', DomainError.unavailable('slug', 'Title', 'detail', extensions)],
  ])('has a factory for %s', (kind, error) => {
    expect(error).toMatchObject({
      kind,
      slug: 'slug',
      title: 'Title',
      detail: 'detail',
      extensions: { currentState: 'closed' },
    });
  });
});
