import { Transform } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { ServiceConfig } from '@kompeten/config';

const toNumber = ({ value }: { value: unknown }) => (value === undefined || value === '' ? value : Number(value));

export const DEFAULT_FUNDING_WINDOW_CHECK_MS = 3_600_000;

/** The budget service's settings: the common ones plus its own, each optional with a default. */
export class BudgetConfig extends ServiceConfig {
  /**
   * How often the funding-window worker looks for by-need budgets whose window is due. Hourly is
   * plenty: windows are days long, and a window is decided once however often it is looked at.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(100)
  BUDGET_FUNDING_WINDOW_CHECK_MS = DEFAULT_FUNDING_WINDOW_CHECK_MS;
}
