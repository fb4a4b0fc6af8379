import { byteBatches, isTooLarge, messageBytes } from './send-batches';

describe('sends capped by bytes', () => {
  const size = (n: number) => n;

  it('groups consecutive items, in order, without passing the cap', () => {
    expect(byteBatches([3, 3, 3, 3, 3], size, 7)).toEqual([[3, 3], [3, 3], [3]]);
    expect(byteBatches([7, 1, 6], size, 7)).toEqual([[7], [1, 6]]);
  });

  it('sends an item larger than the cap alone (the broker decides), not never', () => {
    expect(byteBatches([2, 10, 2], size, 7)).toEqual([[2], [10], [2]]);
    expect(byteBatches([], size, 7)).toEqual([]);
  });

  it('estimates a message by its key, value and headers in UTF-8 bytes, with room for the framing', () => {
    const m = { key: 'k', value: 'é'.repeat(10), headers: { type: 'X' } };
    expect(messageBytes(m)).toBeGreaterThan(1 + 20 + 5);
    expect(messageBytes(m)).toBeLessThan(1 + 20 + 5 + 100);
  });

  it('recognises the broker’s "too large" answers inside kafkajs’ wrapping, and nothing else', () => {
    const protocol = { name: 'KafkaJSProtocolError', type: 'MESSAGE_TOO_LARGE', code: 10 };
    expect(isTooLarge({ name: 'KafkaJSNonRetriableError', cause: protocol })).toBe(true);
    expect(isTooLarge({ errors: [{ type: 'RECORD_LIST_TOO_LARGE' }] })).toBe(true);
    expect(isTooLarge({ name: 'KafkaJSNonRetriableError', cause: { type: 'NOT_LEADER_FOR_PARTITION' } })).toBe(false);
    expect(isTooLarge(new Error('connection closed'))).toBe(false);
  });
});
