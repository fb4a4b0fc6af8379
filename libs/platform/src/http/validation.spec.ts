import { BadRequestException } from '@nestjs/common';
import { IsString, MaxLength } from 'class-validator';
import { MAX_INPUT_DEPTH, unacceptableInput, validationPipe } from './validation';

const nested = (levels: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < levels; i++) v = [v];
  return v;
};

describe('unacceptableInput', () => {
  it('accepts ordinary text, paired surrogates and nesting up to the limit', () => {
    expect(unacceptableInput({ name: 'Siti Rahma 😀', sessions: [{ date: '2026-03-01' }] })).toBeUndefined();
    expect(unacceptableInput(nested(MAX_INPUT_DEPTH))).toBeUndefined();
    expect(unacceptableInput(null)).toBeUndefined();
  });

  it.each([
    ['a NUL character', 'Perawat \u0000'],
    ['a lone high surrogate', 'Perawat \ud800'],
    ['a lone low surrogate', '\udc00 Perawat'],
    ['surrogates in the wrong order', '\udc00\ud800'],
  ])('names the field holding %s', (_, text) => {
    expect(unacceptableInput({ nip: '1', sessions: [{ date: '2026-03-01' }, { venue: text }] })).toEqual({
      field: 'sessions[1].venue',
      message: 'must not contain NUL characters or unpaired surrogates',
    });
  });

  it('looks at keys as well as values', () => {
    expect(unacceptableInput({ levels: { 'a\u0000': 'x' } })?.field).toBe('levels.a\u0000');
  });

  it('refuses a string on its own, such as a path parameter', () => {
    expect(unacceptableInput('\u0000')).toEqual({
      field: '(value)',
      message: 'must not contain NUL characters or unpaired surrogates',
    });
  });

  it('refuses nesting one level past the limit, and fifty thousand levels without overflowing the stack', () => {
    expect(unacceptableInput(nested(MAX_INPUT_DEPTH + 1))?.message).toMatch(/nested too deeply/);
    expect(unacceptableInput({ a: nested(MAX_INPUT_DEPTH) })?.field).toMatch(/^a(\[0\]){31}$/);
    expect(unacceptableInput(JSON.parse(`${'['.repeat(50_000)}${']'.repeat(50_000)}`))?.message).toMatch(
      /nested too deeply/,
    );
  });
});

class PositionRequest {
  @IsString()
  @MaxLength(100)
  position: string;
}

describe('validationPipe', () => {
  const refusal = async (value: unknown, type: 'body' | 'custom' = 'body') => {
    try {
      await validationPipe().transform(value, { type, metatype: PositionRequest });
      return undefined;
    } catch (e) {
      expect(e).toBeInstanceOf(BadRequestException);
      return (e as BadRequestException).getResponse();
    }
  };

  it('refuses a NUL character in a body with a 400 naming the field', async () => {
    expect(await refusal({ position: 'Perawat \u0000' })).toEqual({
      errors: [{ field: 'position', message: 'must not contain NUL characters or unpaired surrogates' }],
    });
  });

  it('refuses a deep body before class-transformer recurses into it', async () => {
    expect(await refusal(JSON.parse(`${'['.repeat(50_000)}${']'.repeat(50_000)}`))).toEqual({
      errors: [
        { field: expect.any(String) as unknown, message: expect.stringMatching(/nested too deeply/) as unknown },
      ],
    });
  });

  it('still validates as before, and leaves custom decorators (server-side values) alone', async () => {
    expect(await refusal({ position: 'Perawat' })).toBeUndefined();
    expect(await refusal({ position: 'x'.repeat(101) })).toEqual({
      errors: [{ field: 'position', message: expect.stringMatching(/100/) as unknown }],
    });
    expect(await refusal({ position: 'Perawat \u0000' }, 'custom')).toBeUndefined();
  });
});
