import type { AuthenticatedRequest } from '../auth/auth.guard';
import { commandIdOf } from './command-id';

const request = (method: string, sub: string | undefined, key?: string) =>
  ({
    method,
    ip: '10.0.0.7',
    principal: sub ? { sub } : undefined,
    header: (name: string) => (name === 'idempotency-key' ? key : undefined),
  }) as unknown as AuthenticatedRequest;

describe('the command id a keyed command travels to its service under', () => {
  it('is a sha256 of who sent the key and the key: neither can be read from it', () => {
    const id = commandIdOf(request('POST', 'officer-1', 'open-budget-2026'));
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(id).toBe(commandIdOf(request('POST', 'officer-1', 'open-budget-2026')));
  });
  it('differs for the same key from another caller (or a public caller by address)', () => {
    const ids = new Set([
      commandIdOf(request('POST', 'officer-1', 'same-key-123')),
      commandIdOf(request('POST', 'officer-2', 'same-key-123')),
      commandIdOf(request('POST', undefined, 'same-key-123')),
    ]);
    expect(ids.size).toBe(3);
  });
  it('is absent without a key, and on a read', () => {
    expect(commandIdOf(request('POST', 'officer-1'))).toBeUndefined();
    expect(commandIdOf(request('GET', 'officer-1', 'some-key-123'))).toBeUndefined();
  });
});
