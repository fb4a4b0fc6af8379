import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type as ToType } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, registerDecorator, type ValidationOptions } from 'class-validator';
import { Nullable, Type, type TSchema } from '../use-case/schema';

/** The largest page a list answers (a bigger `limit` is a 400, not silently cut). */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** One value of a sort key: what a keyset cursor remembers of the last row. */
export type CursorKey = (string | null)[];

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const fromBase64Url = (value: string) =>
  new TextDecoder('utf-8', { fatal: true }).decode(
    Uint8Array.from(atob(value.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
  );

/**
 * A page's cursor: the sort key of the last row it answered, as base64url JSON. Opaque to clients;
 * the next page starts strictly after that key, so rows added or removed elsewhere in the order never
 * repeat or skip a row of the walk (a keyset, not an offset).
 */
export const encodeCursor = (key: CursorKey): string => toBase64Url(JSON.stringify(key));

/** The sort key of a cursor of `arity` values, or undefined when it is not one (tampered, truncated, another list's). */
export function decodeCursor(cursor: string, arity: number): CursorKey | undefined {
  if (!/^[A-Za-z0-9_-]{1,1000}$/.test(cursor)) return undefined;
  try {
    const key: unknown = JSON.parse(fromBase64Url(cursor));
    if (!Array.isArray(key) || key.length !== arity) return undefined;
    return key.every((v) => v === null || (typeof v === 'string' && v.length <= 200)) ? (key as CursorKey) : undefined;
  } catch {
    return undefined;
  }
}

/** A cursor this list gave out (a sort key of `arity` values); anything else is a 400 naming the field. */
export function IsCursor(arity: number, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCursor',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && decodeCursor(value, arity) !== undefined,
        defaultMessage: (args) => `${args?.property} is not a cursor of this list (pass back nextCursor as it came)`,
      },
    });
}

/** `limit` of a paged list; subclasses add `cursor` (with its arity) and their filters. */
export class PageQuery {
  @ApiPropertyOptional({ default: DEFAULT_PAGE_SIZE, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @ToType(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

/** A page of a list: its items, how many match the filters in all, and where the next page starts. */
export const Page = <T extends TSchema>(item: T, options: { description?: string } = {}) =>
  Type.Object({
    items: Type.Array(item, options),
    total: Type.Integer({ description: 'How many match the filters, on all pages' }),
    nextCursor: Nullable(Type.String({ description: 'Pass as `cursor` for the next page; null on the last page' })),
  });

/**
 * Splits a query's `limit + 1` rows into the page and its next cursor (the key of the page's last row):
 * the extra row only says that there is a next page.
 */
export function pageOf<R>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => CursorKey,
): { rows: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: rows.length > limit ? encodeCursor(keyOf(page[page.length - 1])) : null };
}
