import { decodeCursor, encodeCursor, pageOf } from './page';

describe('page cursors', () => {
  it('round-trip a sort key, nulls and non-ASCII included, as URL-safe text', () => {
    for (const key of [
      ['2026-02-02', 'kom-efektif-2026'],
      [null, 'self-paced'],
      ['198001012010011001'],
      ['Ωmega/+?'],
    ]) {
      const cursor = encodeCursor(key);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(cursor, key.length)).toEqual(key);
    }
  });

  it('refuse what no list gave out: garbage, another arity, other JSON, too long', () => {
    expect(decodeCursor('not a cursor!', 2)).toBeUndefined();
    expect(decodeCursor('eyJ4Ijox', 2)).toBeUndefined(); // truncated JSON
    expect(decodeCursor(encodeCursor(['a']), 2)).toBeUndefined();
    expect(decodeCursor(Buffer.from('{"d":"x","id":"y"}').toString('base64url'), 2)).toBeUndefined();
    expect(decodeCursor(Buffer.from('[1,"y"]').toString('base64url'), 2)).toBeUndefined();
    expect(decodeCursor(Buffer.from(JSON.stringify(['x'.repeat(201), 'y'])).toString('base64url'), 2)).toBeUndefined();
    expect(decodeCursor(Buffer.from([0xff, 0xfe]).toString('base64url'), 1)).toBeUndefined(); // not UTF-8
  });

  it('give a next cursor (the last row’s key) only when the extra row says there is a next page', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const more = pageOf(rows, 2, (r) => [r.id]);
    expect(more.rows).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(decodeCursor(more.nextCursor!, 1)).toEqual(['b']);
    expect(pageOf(rows, 3, (r) => [r.id])).toEqual({ rows, nextCursor: null });
    expect(pageOf([], 3, (r: { id: string }) => [r.id])).toEqual({ rows: [], nextCursor: null });
  });
});
