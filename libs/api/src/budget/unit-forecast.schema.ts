import { DateOnly, DateTime, Nullable, Type } from '../use-case';
import { UsageSchema } from './money.schema';

/** A unit's open budgets of a year: what is free now, and when it runs out at the recent rate. */
export const UnitForecastSchema = Type.Composite([
  Type.Object({
    opd: Type.String({ example: 'DINKES' }),
    fiscalYear: Type.Integer({ example: 2026 }),
    asOf: DateTime(),
    budgets: Type.Integer({ description: 'The unit’s open budgets of the year, summed below' }),
  }),
  UsageSchema,
  Type.Object({
    forecast: Type.Object({
      dailyRate: Type.Integer({ example: 1_000_000, description: 'Rupiah taken a day, recently' }),
      basedOnDays: Type.Number({ example: 30, description: 'The days the rate is averaged over' }),
      daysLeft: Nullable(Type.Number({ example: 45, description: 'Null when nothing is being taken' })),
      runsOutOn: Nullable(DateOnly({ description: 'Null when nothing is being taken' })),
      beforeYearEnd: Type.Boolean(),
    }),
  }),
]);
