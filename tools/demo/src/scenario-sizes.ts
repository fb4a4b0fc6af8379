/**
 * How big a city to make. Every size has the same units, programmes and time line; only counts change.
 * Large is large in citizens' answers (~45,000), less so in staff (~950): every command on a programme
 * folds its whole stream, so a programme of several hundred participants slows each command down.
 */
export interface ScenarioSize {
  name: SizeName;
  /** Staff of a service unit of weight 1 (a puskesmas), and office staff of an OPD of weight 1. */
  staffPerUnit: number;
  staffPerOpd: number;
  /** Survey responses per unit of weight 1 per month. */
  responsesPerUnitMonth: number;
  /** Kiosk devices per unit (each has its own token, as real kiosks do). */
  kiosksPerUnit: number;
}
export type SizeName = 'tiny' | 'small' | 'medium' | 'large';

export const SIZES: Record<SizeName, ScenarioSize> = {
  tiny: { name: 'tiny', staffPerUnit: 5, staffPerOpd: 3, responsesPerUnitMonth: 12, kiosksPerUnit: 2 },
  small: { name: 'small', staffPerUnit: 14, staffPerOpd: 14, responsesPerUnitMonth: 25, kiosksPerUnit: 2 },
  medium: { name: 'medium', staffPerUnit: 25, staffPerOpd: 30, responsesPerUnitMonth: 70, kiosksPerUnit: 4 },
  large: { name: 'large', staffPerUnit: 40, staffPerOpd: 70, responsesPerUnitMonth: 180, kiosksPerUnit: 8 },
};

export const isSizeName = (s: string): s is SizeName => s in SIZES;
