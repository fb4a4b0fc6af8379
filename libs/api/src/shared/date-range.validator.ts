import { registerDecorator, type ValidationOptions } from 'class-validator';

const DAY_MS = 86_400_000;

/** Days from `from` to `to` (both `YYYY-MM-DD`), or NaN when either is not a date. */
export const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;

/**
 * The end of a date range: not before its start (the property named `startProperty`) and at most
 * `maxDays` after it. Open ranges (either end absent) pass; the 400 names the end.
 */
export function IsRangeEnd(startProperty: string, maxDays: number, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isRangeEnd',
      target: object.constructor,
      propertyName,
      constraints: [startProperty, maxDays],
      options,
      validator: {
        validate(value: unknown, args) {
          const start = (args?.object as Record<string, unknown>)[startProperty];
          if (typeof value !== 'string' || typeof start !== 'string') return true;
          const days = daysBetween(start, value);
          return Number.isNaN(days) || (days >= 0 && days <= maxDays);
        },
        defaultMessage: (args) =>
          `${args?.property} must be on or after ${startProperty} and at most ${maxDays} days after it`,
      },
    });
}
